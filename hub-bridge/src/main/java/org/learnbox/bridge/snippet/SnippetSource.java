package org.learnbox.bridge.snippet;

/** Where a fork came from: the snippet and the version that was copied. */
public record SnippetSource(String id, int version) {}

package org.learnbox.bridge.app;

/** An app as its owner sees it: where it lives and how it is. */
public record AppView(String name, String user, String url, String state, String lastLines) {}

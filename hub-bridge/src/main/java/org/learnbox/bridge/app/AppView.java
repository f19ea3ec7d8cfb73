package org.learnbox.bridge.app;

/** An app as its owner sees it: where it lives, how it is and why, and its last lines. */
public record AppView(String name, String user, String url, String state, String why, String lastLines) {}

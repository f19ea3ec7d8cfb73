package org.learnbox.bridge.identity;

/** Published after an account is deleted, so the features that hold its things can let go of them. */
public record AccountRemoved(String name) {}

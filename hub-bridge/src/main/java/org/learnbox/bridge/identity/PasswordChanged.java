package org.learnbox.bridge.identity;

/**
 * Published after a person changed their own password and the bridge ended their other sessions:
 * the hub ends the other logins too (its own and the labs'), all but {@code keptLogin}, the one
 * that changed it (see {@link HandoffTokens#loginOf}).
 */
public record PasswordChanged(String name, String keptLogin) {}

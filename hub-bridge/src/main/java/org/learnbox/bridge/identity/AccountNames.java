package org.learnbox.bridge.identity;

import java.util.regex.Pattern;

/** The one rule for account names; they become container, volume and URL names. */
public final class AccountNames {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    public static final String RULE = "2 to 32 lowercase letters, digits or '-', starting with a letter or a digit.";

    private AccountNames() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new AccountException("'" + name + "' is not a valid name: use " + RULE);
        }
        return name;
    }
}

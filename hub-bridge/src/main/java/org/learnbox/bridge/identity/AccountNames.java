package org.learnbox.bridge.identity;

import java.util.regex.Pattern;
import org.learnbox.bridge.config.Words;

/** The one rule for account names; they become container, volume and URL names. */
public final class AccountNames {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    /** The key of the rule in words: "2 to 32 lowercase letters, digits or '-', starting with a letter or a digit." */
    public static final String RULE = "account.name-rule";

    private AccountNames() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new AccountException("account.refused.name", name, Words.phrase(RULE));
        }
        return name;
    }
}

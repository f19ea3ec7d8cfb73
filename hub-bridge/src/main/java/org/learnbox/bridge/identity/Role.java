package org.learnbox.bridge.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum Role {
    STUDENT, TEACHER, ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a logged-in person holds this role, as Spring Security grants it. */
    public boolean heldBy(org.springframework.security.core.Authentication who) {
        return who.getAuthorities().stream().anyMatch(granted -> ("ROLE_" + name()).equals(granted.getAuthority()));
    }

    public static Role parse(String text) {
        return Arrays.stream(values())
                .filter(role -> role.id().equals(text))
                .findFirst()
                .orElseThrow(() -> new AccountException("account.refused.role", text,
                        Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "))));
    }
}

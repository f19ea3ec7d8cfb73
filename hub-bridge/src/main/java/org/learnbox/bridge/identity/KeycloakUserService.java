package org.learnbox.bridge.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.learnbox.bridge.config.Words;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who a person is after Keycloak said yes: their box name (Keycloak's username) and their
 * box role (the highest of the realm roles student, teacher, admin in the {@code roles} claim).
 * Their account row is made or brought up to date, so classes and the hub know them.
 */
class KeycloakUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {
    static final String REFUSED = "learnbox_refused";
    private final OidcUserService keycloak = new OidcUserService();
    private final AccountService accounts;

    KeycloakUserService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = keycloak.loadUser(request);
        String name = user.getPreferredUsername();
        if (name == null || !AccountNames.isValid(name)) {
            throw new Refused(KeycloakRefusals.NAME + ":" + name);
        }
        Role role = roleOf(user.getClaimAsStringList("roles"));
        accounts.provision(name, role);
        return new DefaultOidcUser(Set.of(new SimpleGrantedAuthority("ROLE_" + role.name())),
                user.getIdToken(), user.getUserInfo(), "preferred_username");
    }

    /** The highest box role among Keycloak's realm roles; none of them is a refusal. */
    static Role roleOf(Collection<String> realmRoles) {
        List<String> roles = realmRoles == null ? List.of() : List.copyOf(realmRoles);
        for (Role role : List.of(Role.ADMIN, Role.TEACHER, Role.STUDENT)) {
            if (roles.contains(role.id())) return role;
        }
        throw new Refused(KeycloakRefusals.ROLES);
    }

    /** A person Keycloak let in and the box does not: the error's description is the English of {@link #reason}. */
    static final class Refused extends OAuth2AuthenticationException {
        private final String reason;

        Refused(String reason) {
            super(new OAuth2Error(REFUSED, Words.english(KeycloakRefusals.words(reason)), null), Words.english(KeycloakRefusals.words(reason)));
            this.reason = reason;
        }

        /** As {@link KeycloakRefusals#words} takes it. */
        String reason() {
            return reason;
        }
    }
}

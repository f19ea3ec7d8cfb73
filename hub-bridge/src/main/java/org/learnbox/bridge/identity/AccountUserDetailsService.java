package org.learnbox.bridge.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class AccountUserDetailsService implements UserDetailsService {
    private final AccountService accounts;

    AccountUserDetailsService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        Account account = accounts.find(name).orElseThrow(() -> new UsernameNotFoundException(name));
        return User.withUsername(account.getName())
                .password(account.getPasswordHash())
                .roles(account.getRole().name())
                .build();
    }
}

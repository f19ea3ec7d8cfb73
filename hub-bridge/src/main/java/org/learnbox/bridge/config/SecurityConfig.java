package org.learnbox.bridge.config;

import org.learnbox.bridge.identity.LoginThrottle;
import org.learnbox.bridge.identity.LoginThrottleFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {
    /** The machine side: the hub plugin and the box script, with the shared secret. */
    @Bean
    @Order(1)
    SecurityFilterChain boxApi(HttpSecurity http, LearnboxProperties properties) throws Exception {
        return http.securityMatcher("/hub-api/**", "/admin-api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new SharedSecretFilter(SharedSecret.require(properties)), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().hasAuthority(SharedSecretFilter.ROLE))
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    /** Course repositories, read-only and open to every sandbox of the box (git clients carry no session). */
    @Bean
    @Order(0)
    SecurityFilterChain courseGit(HttpSecurity http) throws Exception {
        return http.securityMatcher("/git/courses/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    /** The people side: pages, with a login session and CSRF protection. */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/user/**", "/error", "/css/**", "/favicon.ico").permitAll()
                        .requestMatchers("/classes", "/classes/**", "/courses/import").hasAnyRole("TEACHER", "ADMIN")
                        .requestMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/hub/spawn").failureUrl("/login?error"))
                .logout(logout -> logout.logoutSuccessUrl("/hub/logout"))
                .build();
    }
}

package org.learnbox.bridge.security;

import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.config.SharedSecret;
import org.learnbox.bridge.devops.GitLogin;
import org.learnbox.bridge.identity.HandoffTokens;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.hub.HubTokenFilter;
import org.learnbox.bridge.hub.VouchedTokens;
import org.learnbox.bridge.identity.LoginThrottle;
import org.learnbox.bridge.identity.LoginThrottleFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
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

    /**
     * The people's API: the logged-in session (with CSRF, as pages), or a learner's own
     * JupyterHub token from code in their sandbox (no cookie, so no CSRF to guard against).
     */
    @Bean
    @Order(2)
    SecurityFilterChain peopleApi(HttpSecurity http, VouchedTokens tokens, AccountService accounts, SessionRegistry sessions,
            CsrfTokenRepository csrfTokens) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(HubTokenFilter::carriesToken))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions)
                        .expiredSessionStrategy(ended -> ended.getResponse().sendError(HttpStatus.UNAUTHORIZED.value())))
                .addFilterBefore(new HubTokenFilter(tokens, accounts::find), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .build();
    }

    /** The box's metrics and health: see {@link MetricsDoor}. No session is read or made. */
    @Bean
    @Order(0)
    SecurityFilterChain metrics(HttpSecurity http, VouchedTokens tokens, AccountService accounts, Words words)
            throws Exception {
        return http.securityMatcher(MetricsDoor.PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new HubTokenFilter(tokens, accounts::find), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(MetricsDoor::throughTheFrontDoor).hasRole("ADMIN").anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, why) ->
                                MetricsDoor.refuse(response, HttpStatus.UNAUTHORIZED.value(), words, "metrics.refused.no-token"))
                        .accessDeniedHandler((request, response, why) ->
                                MetricsDoor.refuse(response, HttpStatus.FORBIDDEN.value(), words, "metrics.refused.not-admin")))
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

    /**
     * The learners' git repositories (after the course chain, which keeps /git/courses/): git clients
     * keep no session, so HTTP Basic on every request, with a password, a token made on the dashboard
     * or the learner's JupyterHub token; no CSRF, as no cookie is used. Everyone passes this chain:
     * who may clone or push which repository is the git server's decision, in words git prints.
     */
    @Bean
    @Order(3)
    SecurityFilterChain learnerGit(HttpSecurity http, GitLogin login, VouchedTokens tokens, AccountService accounts) throws Exception {
        return http.securityMatcher("/git/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authenticationManager(login.authenticationManager())
                .addFilterBefore(login.throttleFilter(), BasicAuthenticationFilter.class)
                .addFilterBefore(new HubTokenFilter(tokens, accounts::find), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(login.wrongCredentials()))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .exceptionHandling(e -> e.authenticationEntryPoint(login.wrongCredentials()))
                .build();
    }

    /**
     * The people side: pages, with a login session and CSRF protection. People log in on the
     * box's form, or on Keycloak's when single sign-on is on. Logging out starts at the hub
     * (/hub/logout, also JupyterLab's menu), which ends its own session and sends the browser
     * here to end the bridge's, and then Keycloak's.
     */
    @Bean
    @Order(4)
    SecurityFilterChain pages(HttpSecurity http, LoginThrottle throttle, SessionRegistry sessions, CsrfTokenRepository csrfTokens,
            ObjectProvider<ClientRegistrationRepository> keycloak,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> keycloakUsers,
            ObjectProvider<AuthorizationRequestRepository<OAuth2AuthorizationRequest>> keycloakLoginsUnderWay,
            ObjectProvider<AuthenticationFailureHandler> keycloakLoginRefused, HandoffTokens handoffs) throws Exception {
        CookieRequestCache askedFirst = new CookieRequestCache();
        LandingPage landing = new LandingPage(handoffs);
        landing.setRequestCache(askedFirst);
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/login", "/user/**", "/error", "/css/**", "/favicon.ico").permitAll()
                        // A public snippet's page, versions and download are for anyone with the link;
                        // the snippet service answers 404 for every other snippet.
                        .requestMatchers(HttpMethod.GET, "/s/*", "/s/*/v/*", "/s/*/download", "/webjars/**").permitAll()
                        .requestMatchers("/report").permitAll()
                        // The box's notices, which every open JupyterLab asks for, with or without a session.
                        .requestMatchers(HttpMethod.GET, "/notices").permitAll()
                        .requestMatchers("/classes", "/classes/**", "/courses/import", "/apps/moderation", "/apps/moderation/**",
                                "/students/repositories")
                        .hasAnyRole("TEACHER", "ADMIN")
                        .requestMatchers("/admin", "/admin/**", "/builds/**").hasRole("ADMIN")
                        .anyRequest().authenticated());
        LogoutSuccessHandler afterLogout;
        ClientRegistrationRepository registrations = keycloak.getIfAvailable();
        if (registrations == null) {
            http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                    .formLogin(form -> form.loginPage("/login").successHandler(landing).failureHandler(wrongLogin()));
            var toLoginPage = new SimpleUrlLogoutSuccessHandler();
            toLoginPage.setDefaultTargetUrl(LOGGED_OUT);
            afterLogout = toLoginPage;
        } else {
            http.oauth2Login(oidc -> oidc.loginPage("/login").successHandler(landing).failureHandler(keycloakLoginRefused.getObject())
                    .authorizationEndpoint(start -> start.authorizationRequestRepository(keycloakLoginsUnderWay.getObject()))
                    .userInfoEndpoint(user -> user.oidcUserService(keycloakUsers.getObject())));
            var throughKeycloak = new OidcClientInitiatedLogoutSuccessHandler(registrations);
            throughKeycloak.setPostLogoutRedirectUri("{baseUrl}" + LOGGED_OUT);
            throughKeycloak.setDefaultTargetUrl(LOGGED_OUT);
            afterLogout = throughKeycloak;
        }
        return http
                // A visitor who has not logged in holds no session (anyone can send such requests, without end): the
                // form's CSRF token, the page asked for before the login and a login under way with Keycloak travel in
                // cookies, a wrong login in the address.
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(askedFirst))
                // Sessions are known by person, so a changed password ends the others (identity.PasswordPagesController).
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?ended"))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/logout"))
                        .logoutSuccessHandler(afterLogout))
                .build();
    }

    private static final String LOGGED_OUT = "/login?logout";

    /** The form's CSRF token in a cookie of its own (HttpOnly, SameSite as the session's): the login page makes no session. */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("LEARNBOX_CSRF");
        tokens.setHeaderName("X-CSRF-TOKEN"); // as the session's tokens were asked for by code in pages
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }

    /** Back to the form, which says so; nothing of the attempt is kept in a session. */
    private static AuthenticationFailureHandler wrongLogin() {
        SimpleUrlAuthenticationFailureHandler toTheForm = new SimpleUrlAuthenticationFailureHandler("/login?error");
        toTheForm.setAllowSessionCreation(false);
        return toTheForm;
    }

    /** Every person's login sessions; a session that ends (logout, time out) leaves it through the publisher below. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    static HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}

package org.learnbox.bridge.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Remembers the language each person's pages were last in (their browser's, or the one they chose
 * with ?lang=) in a browser, so what the box writes while they are away speaks it too. Written only when it
 * changes: the last one seen of each person is kept here, a bounded number of them.
 */
@Configuration(proxyBeanMethods = false)
class LanguageMemory implements WebMvcConfigurer, HandlerInterceptor {
    private final AccountService accounts;
    private final Cache<String, Locale> lastSeen = Caffeine.newBuilder().maximumSize(10_000).build();

    LanguageMemory(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** After the page, where a ?lang= choice has been made. */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception failed) {
        Principal person = request.getUserPrincipal();
        // A browser states its languages; a script (learnbox submit in a terminal) does not, and says nothing of the person's.
        if (person == null || request.getHeader("Accept-Language") == null) return;
        Locale language = RequestContextUtils.getLocale(request);
        if (language.equals(lastSeen.getIfPresent(person.getName()))) return;
        accounts.rememberLanguage(person.getName(), language);
        lastSeen.put(person.getName(), language);
    }
}

package org.learnbox.bridge.config;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The languages the box speaks: English and Simplified Chinese, from Spring's message bundles
 * ({@code messages*.properties}). The browser's languages choose one; {@code ?lang=en} or
 * {@code ?lang=zh-CN} on any page chooses for good (a cookie). Any other language is English.
 */
@Configuration(proxyBeanMethods = false)
public class BoxLanguages implements WebMvcConfigurer {
    public static final List<Locale> SPOKEN = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);
    static final String COOKIE = "learnbox-language";
    static final String PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver fromBrowser = new AcceptHeaderLocaleResolver();
        // A supported language without a country matches every country's: zh-TW and zh-HK read Chinese too.
        fromBrowser.setSupportedLocales(List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE, Locale.CHINESE));
        fromBrowser.setDefaultLocale(Locale.ENGLISH);
        CookieLocaleResolver chosen = new CookieLocaleResolver(COOKIE) {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return spoken(super.resolveLocale(request));
            }
        };
        chosen.setDefaultLocaleFunction(request -> spoken(fromBrowser.resolveLocale(request)));
        chosen.setCookieMaxAge(Duration.ofDays(365));
        return chosen;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }

    /** Chinese of any kind is read as Simplified Chinese; every other language as English. */
    static Locale spoken(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}

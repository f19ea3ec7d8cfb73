package org.learnbox.bridge.home;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.learnbox.bridge.config.BoxLanguages;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The bar at the top of every page of the box (fragment {@code nav :: bar}): the places a person may
 * go, by what they may do, with the one they are in marked. It is a request attribute set before
 * the page's handler runs, so that pages made by exception handlers and error pages carry it too.
 */
@Component
class NavigationBar implements HandlerInterceptor, WebMvcConfigurer {
    /** {@code label} is the key of its words in the message bundles. */
    record Link(String id, String href, String label, boolean current) {}

    /** A language the box speaks, named in itself, and this page in it. */
    record Language(String tag, String name, String href, boolean current) {}

    /** {@code name} is null for a visitor, who is offered the login. */
    record Bar(String name, List<Link> links, List<Language> languages) {
        public boolean isSignedIn() {
            return name != null;
        }
    }

    private enum Who { ANYONE, TEACHER, ADMIN }

    /** A place, and the paths that belong to it (the first is where the link goes). */
    private record Place(String id, String label, Who who, List<String> paths) {
        boolean holds(String path) {
            if (paths.getFirst().equals("/")) return path.equals("/");
            return paths.stream().anyMatch(path::startsWith);
        }
    }

    private static final List<Place> PLACES = List.of(
            new Place("nav-dashboard", "nav.dashboard", Who.ANYONE, List.of("/")),
            new Place("nav-lab", "nav.lab", Who.ANYONE, List.of("/hub/spawn")),
            new Place("nav-assignments", "nav.assignments", Who.ANYONE, List.of("/assignments")),
            new Place("nav-snippets", "nav.snippets", Who.ANYONE, List.of("/snippets", "/s/")),
            new Place("nav-repositories", "nav.repositories", Who.ANYONE, List.of("/repositories", "/tokens")),
            new Place("nav-classes", "nav.classes", Who.TEACHER, List.of("/classes")),
            new Place("nav-moderation", "nav.moderation", Who.TEACHER, List.of("/apps/moderation")),
            new Place("nav-student-repositories", "nav.student-repositories", Who.TEACHER, List.of("/students/repositories")),
            new Place("nav-accounts", "nav.accounts", Who.ADMIN, List.of("/admin/accounts")),
            new Place("nav-backups", "nav.backups", Who.ADMIN, List.of("/admin/backups")),
            new Place("nav-health", "nav.health", Who.ADMIN, List.of("/admin/health")));

    /** Someone else's repository is reached from the students' repositories, not from one's own. */
    private static final Pattern ANOTHERS_REPOSITORY = Pattern.compile("/repositories/([^/]+)/[^/]+/(files|commits)");


    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // Pages only: the machine APIs, called every few seconds, have no bar to draw.
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/hub-api/**", "/admin-api/**")
                .order(Ordered.LOWEST_PRECEDENCE); // after a ?lang= has changed the language
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute("nav", bar(request));
        return true;
    }

    Bar bar(HttpServletRequest request) {
        String name = request.getRemoteUser();
        List<Language> languages = languages(request);
        if (name == null) return new Bar(null, List.of(link(PLACES.getFirst(), false)), languages);
        boolean admin = request.isUserInRole("ADMIN");
        boolean teaches = admin || request.isUserInRole("TEACHER");
        String path = placeOf(request.getRequestURI().substring(request.getContextPath().length()), name);
        List<Link> links = PLACES.stream()
                .filter(place -> place.who() == Who.ANYONE || (place.who() == Who.TEACHER ? teaches : admin))
                .map(place -> link(place, place.holds(path)))
                .toList();
        return new Bar(name, links, languages);
    }

    /** This page in each language the box speaks (its query kept), the one it is in marked. */
    static List<Language> languages(HttpServletRequest request) {
        Locale now = RequestContextUtils.getLocale(request);
        String page = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return BoxLanguages.SPOKEN.stream().map(locale -> new Language(locale.toLanguageTag(),
                locale.getDisplayLanguage(locale), UriComponentsBuilder.fromUriString(page)
                        .replaceQueryParam("lang", locale.toLanguageTag()).build().toUriString(),
                locale.equals(now))).toList();
    }

    private static String placeOf(String path, String name) {
        Matcher repository = ANOTHERS_REPOSITORY.matcher(path);
        return repository.matches() && !repository.group(1).equals(name) ? "/students/repositories" : path;
    }

    private static Link link(Place place, boolean current) {
        return new Link(place.id(), place.paths().getFirst(), place.label(), current);
    }
}

package org.learnbox.bridge.home;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jakarta.servlet.http.HttpServletResponse;
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
    record Link(String id, String href, String label, boolean current) {}

    /** {@code name} is null for a visitor, who is offered the login. */
    record Bar(String name, List<Link> links) {
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
            new Place("nav-dashboard", "LearnBox", Who.ANYONE, List.of("/")),
            new Place("nav-lab", "My JupyterLab", Who.ANYONE, List.of("/hub/spawn")),
            new Place("nav-snippets", "Snippets", Who.ANYONE, List.of("/snippets", "/s/")),
            new Place("nav-repositories", "Repositories", Who.ANYONE, List.of("/repositories", "/tokens")),
            new Place("nav-classes", "Classes", Who.TEACHER, List.of("/classes")),
            new Place("nav-moderation", "Live apps", Who.TEACHER, List.of("/apps/moderation")),
            new Place("nav-student-repositories", "Students' repositories", Who.TEACHER, List.of("/students/repositories")),
            new Place("nav-accounts", "Accounts", Who.ADMIN, List.of("/admin/accounts")),
            new Place("nav-backups", "Backups", Who.ADMIN, List.of("/admin/backups")));

    /** Someone else's repository is reached from the students' repositories, not from one's own. */
    private static final Pattern ANOTHERS_REPOSITORY = Pattern.compile("/repositories/([^/]+)/[^/]+/(files|commits)");

    private static final Bar VISITOR = new Bar(null, List.of(link(PLACES.getFirst(), false)));

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute("nav", bar(request));
        return true;
    }

    Bar bar(HttpServletRequest request) {
        String name = request.getRemoteUser();
        if (name == null) return VISITOR;
        boolean admin = request.isUserInRole("ADMIN");
        boolean teaches = admin || request.isUserInRole("TEACHER");
        String path = placeOf(request.getRequestURI().substring(request.getContextPath().length()), name);
        List<Link> links = PLACES.stream()
                .filter(place -> place.who() == Who.ANYONE || (place.who() == Who.TEACHER ? teaches : admin))
                .map(place -> link(place, place.holds(path)))
                .toList();
        return new Bar(name, links);
    }

    private static String placeOf(String path, String name) {
        Matcher repository = ANOTHERS_REPOSITORY.matcher(path);
        return repository.matches() && !repository.group(1).equals(name) ? "/students/repositories" : path;
    }

    private static Link link(Place place, boolean current) {
        return new Link(place.id(), place.paths().getFirst(), place.label(), current);
    }
}

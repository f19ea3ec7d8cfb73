package org.learnbox.bridge.home;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The bar at the top of every page of the box (fragment {@code nav :: bar}): the places a person may
 * go, by what they may do, with the one they are in marked.
 */
@ControllerAdvice
class NavigationBar {
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

    private static final Bar VISITOR = new Bar(null, List.of(link(PLACES.getFirst(), false)));

    @ModelAttribute("nav")
    Bar bar(HttpServletRequest request) {
        String name = request.getRemoteUser();
        if (name == null) return VISITOR;
        boolean admin = request.isUserInRole("ADMIN");
        boolean teaches = admin || request.isUserInRole("TEACHER");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        List<Link> links = PLACES.stream()
                .filter(place -> place.who() == Who.ANYONE || (place.who() == Who.TEACHER ? teaches : admin))
                .map(place -> link(place, place.holds(path)))
                .toList();
        return new Bar(name, links);
    }

    private static Link link(Place place, boolean current) {
        return new Link(place.id(), place.paths().getFirst(), place.label(), current);
    }
}

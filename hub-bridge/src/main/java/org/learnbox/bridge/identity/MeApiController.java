package org.learnbox.bridge.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is logged in, for the box's pages inside JupyterLab (the LearnBox menu shows teachers their classes). */
@RestController
class MeApiController {
    record Me(String name, boolean teaches, boolean admin) {}

    @GetMapping("/api/me")
    Me me(Principal principal, HttpServletRequest request) {
        boolean admin = request.isUserInRole("ADMIN");
        return new Me(principal.getName(), admin || request.isUserInRole("TEACHER"), admin);
    }
}

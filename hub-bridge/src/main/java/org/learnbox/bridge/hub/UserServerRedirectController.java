package org.learnbox.bridge.hub;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The proxy sends {@code /user/NAME/...} here when NAME's server is not running; JupyterHub
 * knows what to do with it (start it, or say it is stopped).
 */
@Controller
class UserServerRedirectController {
    @GetMapping("/user/**")
    String toHub(HttpServletRequest request) {
        String query = request.getQueryString();
        return "redirect:/hub" + request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}

package org.learnbox.bridge.config;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The box's address as people type it, for every address the box prints (git's answers, the
 * repositories' and tokens' pages): LEARNBOX_PUBLIC_URL. A request from a sandbox reaches the box
 * at an address only sandboxes know (host.docker.internal), so the request's own is the fallback
 * only where that setting is not given.
 */
@Component
public class PublicAddress {
    private final String configured;

    public PublicAddress(@Value("${learnbox.public-url:}") String configured) {
        this.configured = configured.strip().replaceAll("/+$", "");
    }

    /** The box's address, e.g. https://box.school.example, without a trailing slash. */
    public String of(HttpServletRequest request) {
        return configured.isEmpty() ? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString() : configured;
    }
}

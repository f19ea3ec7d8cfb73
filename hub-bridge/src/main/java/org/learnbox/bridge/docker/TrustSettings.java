package org.learnbox.bridge.docker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The school's own certificate authorities ({@code learnbox.trust.*}), for networks whose proxy inspects TLS. */
@ConfigurationProperties("learnbox.trust")
public record TrustSettings(
        /** A folder of PEM certificates (*.crt, *.pem) that sandboxes, builds and apps trust beside the usual ones; none there, none added. */
        @DefaultValue("/run/learnbox-ca") String certificates) {}

package org.learnbox.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Every {@code learnbox.gateway.*} setting (env {@code LEARNBOX_GATEWAY_*}), with its default. */
@ConfigurationProperties("learnbox.gateway")
public record GatewaySettings(
        /** The bridge's API for the box's own services, which knows every app and wakes it. */
        @DefaultValue("http://127.0.0.1:8090") String bridgeUrl,
        /** The secret the box's services share with the bridge. */
        @DefaultValue("") String sharedSecret,
        /** Apps live at APP--USER.<domain>. */
        @DefaultValue("apps.localhost") String domain,
        /** How long a waking app may take to open its port. */
        @DefaultValue("30s") Duration startTimeout,
        /** A browser waiting longer than this for a waking app gets a page that says so and reloads itself. */
        @DefaultValue("3s") Duration waitingPageAfter,
        /** Requests per minute let through to one app. */
        @DefaultValue("600") int requestsPerMinute,
        /** How often the apps' last requests are reported to the bridge, which puts idle apps to sleep. */
        @DefaultValue("10s") Duration reportEvery,
        /** How long a release the bridge retires may finish the requests under way in it before it goes anyway. */
        @DefaultValue("30s") Duration drainTimeout) {}

package org.learnbox.bridge.app;

import java.util.Locale;

/** An app's own host name, APP--USER.<apps domain>: an origin per app, so apps never share cookies. */
public record AppAddress(String name, String user) {
    static final String SEPARATOR = "--";

    /** The app a request's Host header names, port and domain aside; null when it names none. */
    static AppAddress ofHost(String host, String domain) {
        if (host == null) return null;
        String bare = host.toLowerCase(Locale.ROOT);
        int colon = bare.lastIndexOf(':');
        if (colon >= 0) bare = bare.substring(0, colon);
        String suffix = "." + domain.toLowerCase(Locale.ROOT);
        if (!bare.endsWith(suffix)) return null;
        String label = bare.substring(0, bare.length() - suffix.length());
        int split = label.lastIndexOf(SEPARATOR);
        if (split <= 0 || label.contains(".")) return null;
        return new AppAddress(label.substring(0, split), label.substring(split + SEPARATOR.length()));
    }

    String host(String domain) {
        return name + SEPARATOR + user + "." + domain;
    }

    String url(String domain, int port) {
        return "http://" + host(domain) + (port == 80 ? "" : ":" + port) + "/";
    }
}

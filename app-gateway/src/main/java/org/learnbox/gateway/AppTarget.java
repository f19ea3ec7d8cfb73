package org.learnbox.gateway;

import java.net.URI;

/** Where an app answers now: its container's address on the apps' network. */
record AppTarget(String host, URI uri) {}

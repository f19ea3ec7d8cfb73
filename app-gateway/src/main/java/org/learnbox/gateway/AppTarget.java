package org.learnbox.gateway;

import java.net.URI;

/** Where an app answers now: its container (by the engine's id) and its address on the apps' network. */
record AppTarget(String host, String container, URI uri) {}

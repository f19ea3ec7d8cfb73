package org.learnbox.bridge.sandbox;

import java.util.List;

/** Files found in a learner's home, in path order; {@code cut} when there were more than were asked for. */
public record HomeListing(List<HomeFile> files, boolean cut) {}

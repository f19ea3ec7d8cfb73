package org.learnbox.bridge.devops;

/** A project has no release of that number (or is not the asker's). */
public class ReleaseNotFoundException extends RepoException {
    public ReleaseNotFoundException(String project, int number) {
        super(project + " has no release " + number + ".");
    }
}

package org.learnbox.bridge.devops;

import org.springframework.http.HttpStatus;

/** A project has no release of that number (or is not the asker's). */
public class ReleaseNotFoundException extends RepoException {
    public ReleaseNotFoundException(String project, int number) {
        super(HttpStatus.NOT_FOUND, "release.refused.no-such", project, number);
    }
}

package org.learnbox.bridge.devops;

/** Where the learners' git server answers: /git/OWNER/NAME.git ({@code /git/courses/} is the course server's). */
final class GitServerPaths {
    static final String ROOT = "/git";

    private GitServerPaths() {}

    static String repository(String owner, String name) {
        return ROOT + "/" + owner + "/" + name + ".git";
    }
}

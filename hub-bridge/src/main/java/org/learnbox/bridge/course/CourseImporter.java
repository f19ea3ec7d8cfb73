package org.learnbox.bridge.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.learnbox.bridge.config.GitServerAddress;
import org.springframework.core.NestedExceptionUtils;

/** Fetches a teacher's course from a git URL into a scratch folder, to be checked before anything changes. */
final class CourseImporter {
    private CourseImporter() {}

    /** Clones {@code url}, checks the course and hands it to {@code use}; the scratch copy is removed after. */
    static <T> T withClone(String url, java.util.function.Function<CourseFolder, T> use) {
        if (url == null || url.isBlank()) {
            throw new CourseException("course.refused.no-url");
        }
        if (!GitServerAddress.isServer(url)) {
            throw new CourseException("course.refused.url-not-a-server", url.strip());
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("learnbox-course-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            try (Git ignored = Git.cloneRepository().setURI(url.strip()).setDirectory(scratch.toFile())
                    .setDepth(1).setTimeout(30).call()) {
                // cloned
            } catch (InvalidRemoteException | TransportException e) {
                throw new CourseException("course.refused.fetch", url, reason(e));
            } catch (GitAPIException | RuntimeException e) {
                throw new CourseException("course.refused.clone", url, reason(e));
            }
            return use.apply(CourseFolder.open(scratch));
        } finally {
            delete(scratch);
        }
    }

    private static String reason(Throwable e) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip();
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left in /tmp is harmless
        }
    }
}

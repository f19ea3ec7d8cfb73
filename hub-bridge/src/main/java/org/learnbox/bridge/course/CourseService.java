package org.learnbox.bridge.course;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/** The box's courses: the bundled ones, published at every start, and those teachers import from git. */
@Service
public class CourseService {
    private static final Logger log = LoggerFactory.getLogger(CourseService.class);
    static final String BUNDLED = "bundled";

    private final CourseRepositories repositories;
    private final Path bundled;

    CourseService(CourseRepositories repositories, LearnboxProperties properties) {
        this.repositories = repositories;
        this.bundled = Path.of(properties.courses().bundled());
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishBundled() {
        if (!Files.isDirectory(bundled)) return;
        try (Stream<Path> dirs = Files.list(bundled)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve(CourseManifest.FILE))).sorted().toList()) {
                try {
                    CourseFolder course = CourseFolder.open(dir);
                    if (repositories.publish(course, BUNDLED)) {
                        log.info("published the bundled course {} version {}", course.manifest().id(),
                                course.manifest().version());
                    }
                } catch (CourseException refused) {
                    log.warn("the bundled course in {} was not published: {}", dir, refused.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("could not read the bundled courses in {}: {}", bundled, e.toString());
        }
    }

    /** Imports (or updates) a course from a git URL; refuses it, changing nothing, when it is not valid. */
    public CourseRepositories.Published importFromGit(String url) {
        return CourseImporter.withClone(url, course -> {
            boolean changed = repositories.publish(course, url.strip());
            log.info("course {} from {}: {}", course.manifest().id(), url, changed ? "published" : "unchanged");
            return repositories.find(course.manifest().id()).orElseThrow();
        });
    }

    public java.util.Optional<CourseRepositories.Published> find(String id) {
        return repositories.find(id);
    }

    public List<CourseRepositories.Published> list() {
        return repositories.list();
    }
}

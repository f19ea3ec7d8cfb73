package org.learnbox.bridge.course;

import java.util.Set;

/** Who gets which course: the classes decide; the course package only delivers. */
public interface CourseAudience {
    /** The ids of the courses this person receives. */
    Set<String> coursesFor(String user);

    /** Whether the course goes to this person. */
    default boolean receives(String user, String courseId) {
        return coursesFor(user).contains(courseId);
    }
}

package org.learnbox.bridge.e2e;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A teacher's class made through the class pages, as a teacher makes it, for tests that need one. */
final class Classes {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern JOIN_CODE = Pattern.compile("id=\"join-code\">([A-Z0-9-]+)<");

    private Classes() {}

    /** Logs the teacher in, makes the class, gives it the courses; returns its join code. */
    static String make(RunningBox box, Learner teacher, String password, String className, String... courses)
            throws Exception {
        teacher.logIn(password);
        HttpResponse<String> page = submit(teacher, "/classes", "/classes", "name=" + Learner.enc(className));
        Matcher code = JOIN_CODE.matcher(page.body());
        if (!code.find()) throw new AssertionError("no join code on the class page:\n" + page.body());
        String classPage = page.uri().getPath();
        for (String course : courses) {
            submit(teacher, classPage, classPage + "/courses", "course=" + Learner.enc(course));
        }
        return code.group(1);
    }

    /** The student joins with the code, on their dashboard. */
    static HttpResponse<String> join(Learner student, String code) throws Exception {
        return submit(student, "/", "/join", "code=" + Learner.enc(code));
    }

    /** Fills in a form of {@code page} (its CSRF token) and posts it to {@code action}; the answer after redirects. */
    static HttpResponse<String> submit(Learner person, String page, String action, String form) throws Exception {
        Matcher csrf = CSRF.matcher(person.get(page).body());
        if (!csrf.find()) throw new AssertionError("no CSRF token on " + page);
        return person.http.send(HttpRequest.newBuilder(URI.create(person.box().url(action)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + Learner.enc(csrf.group(1))))
                        .timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

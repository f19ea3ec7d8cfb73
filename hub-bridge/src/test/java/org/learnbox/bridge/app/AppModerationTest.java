package org.learnbox.bridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Reports and take-downs with the real database and a stand-in for Docker's apps: who sees which
 * report, who may take an app down, and what its owner reads. The containers themselves are
 * taken down for real in LiveAppsE2EIT.
 */
@SpringBootTest
@ActiveProfiles("test")
class AppModerationTest {
    private static final String SITE = "http://site--mod-ada.apps.localhost:8001/";
    private static final String QUIZ = "http://quiz--mod-ada.apps.localhost:8001/";

    @Autowired AppModeration moderation;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @MockitoBean AppRuntime runtime;

    @BeforeEach
    void people() {
        if (accounts.find("mod-ada").isPresent()) return;
        accounts.add("mod-ada", Role.STUDENT, "a-long-password");
        accounts.add("mod-bo", Role.STUDENT, "a-long-password");
        accounts.add("mod-teacher", Role.TEACHER, "a-long-password");
        accounts.add("mod-other-teacher", Role.TEACHER, "a-long-password");
        accounts.add("mod-admin", Role.ADMIN, "a-long-password");
        Classroom math = classrooms.create("mod-teacher", "Moderated math");
        classrooms.join("mod-ada", math.getJoinCode());
    }

    /** Each test its own app: the database outlives a test. */
    private void adaHas(String name) {
        AppInstance site = new AppInstance("mod-ada", name, "c0ffee", true, false, 0, false, "172.20.0.2", 8080, 0,
                Instant.now(), null);
        when(runtime.find("mod-ada", name)).thenReturn(Optional.of(site));
        when(runtime.list()).thenReturn(List.of(site));
    }

    @Test
    void theOwnersTeacherSeesAReportAndTakesTheAppDownAndTheOwnerReadsWhy() {
        adaHas("site");
        moderation.report(SITE, "mod-bo", "It shows a classmate's photo without asking.");
        moderation.report("site--mod-ada.apps.localhost", null, "Rude words on the first page.");

        List<AppModeration.Watched> seen = moderation.watchedBy("mod-teacher");
        assertThat(seen).singleElement().satisfies(watched -> {
            assertThat(watched.app().name()).isEqualTo("site");
            assertThat(watched.reports()).extracting(AppReport::getReason)
                    .containsExactly("It shows a classmate's photo without asking.", "Rude words on the first page.");
            assertThat(watched.reports()).extracting(AppReport::getReporter).containsExactly("mod-bo", "someone not logged in");
        });
        assertThat(moderation.watchedBy("mod-other-teacher")).as("not their student").isEmpty();
        assertThat(moderation.watchedBy("mod-admin")).singleElement()
                .satisfies(watched -> assertThat(watched.reports()).hasSize(2));

        moderation.takeDown(SITE, "mod-teacher", "Photos of others need their yes.");
        verify(runtime).remove("mod-ada", "site");
        assertThat(moderation.takedownsOf("mod-ada")).singleElement().satisfies(note -> {
            assertThat(note.getTakenBy()).isEqualTo("mod-teacher");
            assertThat(note.getReason()).isEqualTo("Photos of others need their yes.");
        });
        assertThat(moderation.watchedBy("mod-admin")).singleElement()
                .satisfies(watched -> assertThat(watched.reports()).as("closed by the take-down").isEmpty());

        moderation.noted("mod-ada", "site");
        assertThat(moderation.takedownsOf("mod-ada")).isEmpty();
    }

    @Test
    void reportsAndTakeDownsAreRefusedInWords() {
        adaHas("quiz");
        assertThatThrownBy(() -> moderation.report("http://example.org/", "mod-bo", "Not ours at all."))
                .hasMessageStartingWith("'http://example.org/' is not the address of a live app of this box");
        assertThatThrownBy(() -> moderation.report(QUIZ, "mod-bo", "bad"))
                .hasMessage("Say why in 5 to 500 characters.");
        when(runtime.find("mod-ada", "gone")).thenReturn(Optional.empty());
        assertThatThrownBy(() -> moderation.report("http://gone--mod-ada.apps.localhost:8001/", "mod-bo", "It is gone?"))
                .hasMessage("mod-ada has no app named 'gone'.");

        moderation.report(QUIZ, "mod-admin", "Looks like a phishing page.");
        assertThatThrownBy(() -> moderation.report(QUIZ, "mod-admin", "Looks like a phishing page."))
                .hasMessage("You reported this app already; a teacher will look at it.");
        for (int i = 0; i < AppModeration.MAX_ANONYMOUS_OPEN; i++) moderation.report(QUIZ, null, "Flood number " + i);
        assertThatThrownBy(() -> moderation.report(QUIZ, null, "One more of the flood"))
                .hasMessage("This app has many reports already; a teacher will look at it soon.");

        assertThatThrownBy(() -> moderation.takeDown(QUIZ, "mod-bo", "I do not like it."))
                .hasMessage("Only a teacher or an admin may take an app down.");
        long someReport = moderation.watchedBy("mod-admin").getFirst().reports().getFirst().getId();
        assertThatThrownBy(() -> moderation.dismiss(someReport, "mod-other-teacher"))
                .hasMessage("That report is closed already.");
        moderation.dismiss(someReport, "mod-teacher");
        assertThatThrownBy(() -> moderation.dismiss(someReport, "mod-admin")).hasMessage("That report is closed already.");
        verify(runtime, org.mockito.Mockito.never()).remove(any(), any());
    }
}

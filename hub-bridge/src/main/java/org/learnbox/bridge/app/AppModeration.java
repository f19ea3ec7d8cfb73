package org.learnbox.bridge.app;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone may report a live app, with a reason. The teachers of the app's owner see the report
 * (admins see every one); any teacher or admin may take an app down, which unpublishes it and
 * tells its owner who did and why. The owner's folder is untouched: fixed, it may be published again.
 */
@Service
public class AppModeration {
    static final int MAX_REASON = 500;
    private static final int MIN_REASON = 5;
    /** Open reports of one app from people not logged in: enough for a teacher to look, not a flood. */
    static final int MAX_ANONYMOUS_OPEN = 10;

    /** An app as a teacher sees it on the moderation page: its address and its open reports. */
    public record Watched(AppView app, List<AppReport> reports) {}

    private final AppService apps;
    private final AppReportRepository reports;
    private final AppTakedownRepository takedowns;
    private final AccountService accounts;
    private final ClassroomService classrooms;
    private final LearnboxProperties.Apps settings;
    private final Clock clock;

    AppModeration(AppService apps, AppReportRepository reports, AppTakedownRepository takedowns, AccountService accounts,
            ClassroomService classrooms, LearnboxProperties properties, Clock clock) {
        this.apps = apps;
        this.reports = reports;
        this.takedowns = takedowns;
        this.accounts = accounts;
        this.classrooms = classrooms;
        this.settings = properties.apps();
        this.clock = clock;
    }

    /** Records a report of the app at this address (its URL or host name); the reporter is null when not logged in. */
    @Transactional
    public AppAddress report(String address, String reporter, String reason) {
        AppAddress app = addressOf(address);
        String why = reasonOf(reason);
        apps.requireApp(app.user(), app.name());
        List<AppReport> open = reports.findByAppUserAndAppNameAndClosedAtIsNull(app.user(), app.name());
        if (reporter != null && open.stream().anyMatch(r -> reporter.equals(r.getReporter()))) {
            throw new AppException("app.refused.reported-already");
        }
        if (reporter == null && open.stream().filter(r -> r.getReporter().equals("someone not logged in")).count()
                >= MAX_ANONYMOUS_OPEN) {
            throw new AppException("app.refused.many-reports");
        }
        reports.save(new AppReport(app.user(), app.name(), reporter, why, clock.instant()));
        return app;
    }

    /** The apps a teacher watches (their students'; an admin: every app), and the reports of those. */
    @Transactional(readOnly = true)
    public List<Watched> watchedBy(String actor) {
        Set<String> owners = isAdmin(actor) ? null : studentsOf(actor);
        List<AppReport> open = owners == null ? reports.findByClosedAtIsNullOrderByCreatedAt()
                : reports.findByClosedAtIsNullAndAppUserInOrderByCreatedAt(owners);
        return apps.allApps().stream()
                .filter(app -> owners == null || owners.contains(app.user()))
                .map(app -> new Watched(app, open.stream()
                        .filter(r -> r.getAppUser().equals(app.user()) && r.getAppName().equals(app.name())).toList()))
                .sorted(Comparator.comparing((Watched w) -> w.reports().isEmpty()).thenComparing(w -> w.app().user())
                        .thenComparing(w -> w.app().name()))
                .toList();
    }

    /** Unpublishes the app, closes its reports, and leaves its owner a note of who took it down and why. */
    @Transactional
    public AppAddress takeDown(String address, String actor, String reason) {
        requireTeacher(actor);
        AppAddress app = addressOf(address);
        String why = reasonOf(reason);
        apps.unpublish(app.user(), app.name());
        takedowns.save(new AppTakedown(app.user(), app.name(), actor, why, clock.instant()));
        reports.findByAppUserAndAppNameAndClosedAtIsNull(app.user(), app.name())
                .forEach(r -> r.close(actor, AppReport.TAKEN_DOWN, clock.instant()));
        return app;
    }

    @Transactional
    public void dismiss(long reportId, String actor) {
        requireTeacher(actor);
        AppReport report = reports.findById(reportId).filter(AppReport::isOpen)
                .orElseThrow(() -> new AppNotFoundException("app.refused.report-closed"));
        if (!isAdmin(actor) && !studentsOf(actor).contains(report.getAppUser())) {
            throw new AppNotFoundException("app.refused.report-closed");
        }
        report.close(actor, AppReport.DISMISSED, clock.instant());
    }

    /** The owner's apps that were taken down, newest first. */
    public List<AppTakedown> takedownsOf(String owner) {
        return takedowns.findByAppUserOrderByTakenAtDesc(owner);
    }

    /** The owner read the note: it goes. */
    @Transactional
    public void noted(String owner, String name) {
        takedowns.deleteById(new AppTakedown.Key(owner, name));
    }

    private AppAddress addressOf(String text) {
        String host = text == null ? "" : text.strip();
        if (host.contains("://")) {
            try {
                host = URI.create(host).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
        }
        AppAddress app = AppAddress.ofHost(host, settings.domain());
        if (app == null) {
            throw new AppException("app.refused.not-an-address", text,
                    new AppAddress("my-site", "ada").url(settings.domain(), settings.gatewayPort()));
        }
        return app;
    }

    private static String reasonOf(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON || why.length() > MAX_REASON) {
            throw new AppException("app.refused.reason-length", MIN_REASON, MAX_REASON);
        }
        return why;
    }

    private Set<String> studentsOf(String teacher) {
        return classrooms.taughtBy(teacher).stream().flatMap(c -> classrooms.students(c).stream())
                .collect(Collectors.toSet());
    }

    private void requireTeacher(String actor) {
        Role role = accounts.find(actor).map(Account::getRole).orElse(Role.STUDENT);
        if (role == Role.STUDENT) throw new AppException("app.refused.teachers-only");
    }

    private boolean isAdmin(String actor) {
        return accounts.find(actor).map(Account::getRole).filter(r -> r == Role.ADMIN).isPresent();
    }
}

package org.learnbox.bridge.classroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.course.CourseAudience;
import org.learnbox.bridge.course.CourseService;
import org.learnbox.bridge.hub.HubGroups;
import org.learnbox.bridge.hub.JupyterHubClient;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountRemoved;
import org.learnbox.bridge.identity.AccountNames;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.sandbox.SpawnService;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Classes: teachers make them and assign courses; students join with a code. */
@Service
public class ClassroomService implements CourseAudience, HubGroups {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0,46}[\\p{L}\\p{N}.]");

    /** A student of a class, with their server as JupyterHub sees it. */
    public record RosterEntry(String name, String server, Instant lastActivity) {}

    private final ClassroomRepository classes;
    private final MembershipRepository members;
    private final CourseAssignmentRepository assignments;
    private final AccountService accounts;
    private final CourseService courses;
    private final JupyterHubClient hub;
    private final SpawnService spawns;
    private final ClassOpening opening;

    ClassroomService(ClassroomRepository classes, MembershipRepository members, CourseAssignmentRepository assignments,
            AccountService accounts, CourseService courses, JupyterHubClient hub, SpawnService spawns, ClassOpening opening) {
        this.spawns = spawns;
        this.opening = opening;
        this.classes = classes;
        this.members = members;
        this.assignments = assignments;
        this.accounts = accounts;
        this.courses = courses;
        this.hub = hub;
    }

    @Transactional
    public Classroom create(String teacher, String name) {
        requireTeacher(teacher);
        String trimmed = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (!NAME.matcher(trimmed).matches()) {
            throw new ClassroomException("class.refused.name");
        }
        String slug = trimmed.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-");
        if (classes.existsByTeacherAndSlug(teacher, slug)) {
            throw new ClassroomException("class.refused.name-taken", trimmed);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return classes.saveAndFlush(new Classroom(trimmed, slug, teacher, JoinCodes.next()));
            } catch (DataIntegrityViolationException codeTaken) {
                if (attempt == 3) throw codeTaken;
            }
        }
    }

    /** What a pasted list did: accounts made (name to password, shown once) and students who had an account already. */
    public record Enrolment(Classroom classroom, Map<String, String> made, List<String> joined) {}

    static final int MOST_NAMES_AT_ONCE = 200;
    private static final int MOST_PROBLEMS_TOLD = 10;

    /**
     * A teacher pastes a list of names, one per line (blank lines and lines starting with # are
     * passed over; names are made lowercase): each becomes a student of the class, with a new
     * account and a generated password when they had none. A list with a bad line changes
     * nothing and says which lines, and why.
     */
    @Transactional
    public Enrolment enrol(long classId, String pasted, String actor) {
        Classroom classroom = manage(classId, actor);
        String[] lines = pasted == null ? new String[0] : pasted.split("\\R", -1);
        if (lines.length > MOST_NAMES_AT_ONCE * 2) {
            throw new ClassroomException("class.refused.too-many-names", MOST_NAMES_AT_ONCE);
        }
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        List<MessageSourceResolvable> problems = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String name = line.toLowerCase(java.util.Locale.ROOT);
            String shown = line.length() > 40 ? line.substring(0, 40) + "…" : line;
            if (!AccountNames.isValid(name)) {
                problems.add(Words.phrase("class.refused.names.not-a-name", i + 1, shown));
                continue;
            }
            Role role = accounts.find(name).map(Account::getRole).orElse(Role.STUDENT);
            if (role != Role.STUDENT) {
                problems.add(Words.phrase(role == Role.ADMIN ? "class.refused.names.admin" : "class.refused.names.teacher", i + 1,
                        name));
                continue;
            }
            names.add(name);
        }
        if (!problems.isEmpty()) {
            List<MessageSourceResolvable> told = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MOST_PROBLEMS_TOLD)));
            if (problems.size() > MOST_PROBLEMS_TOLD) {
                told.add(Words.phrase("class.refused.names.more", problems.size() - MOST_PROBLEMS_TOLD));
            }
            throw new ClassroomException("class.refused.names", Words.list(told), Words.phrase(AccountNames.RULE));
        }
        if (names.isEmpty()) throw new ClassroomException("class.refused.no-names");
        if (names.size() > MOST_NAMES_AT_ONCE) {
            throw new ClassroomException("class.refused.too-many-names", MOST_NAMES_AT_ONCE);
        }
        List<String> joined = names.stream().filter(accounts::exists).toList();
        Map<String, String> made = accounts.addStudents(names.stream().filter(name -> !joined.contains(name)).toList());
        for (String name : names) {
            if (!members.existsByClassroomIdAndAccountName(classroom.getId(), name)) members.save(new Membership(classroom.getId(), name));
        }
        return new Enrolment(classroom, made, joined);
    }

    /** A student joins with the code their teacher gave them; joining twice changes nothing. */
    @Transactional
    public Classroom join(String student, String code) {
        Classroom joined = requireByCode(code);
        if (!members.existsByClassroomIdAndAccountName(joined.getId(), student)) {
            members.save(new Membership(joined.getId(), student));
        }
        return joined;
    }

    public java.util.Optional<Classroom> byCode(String code) {
        return classes.findByJoinCode(JoinCodes.normalize(code));
    }

    /** The class with this code, or the refusal a student reads when the code is wrong. */
    public Classroom requireByCode(String code) {
        return byCode(code).orElseThrow(() -> new ClassroomException("class.refused.no-such-code",
                code == null ? "" : code.strip()));
    }

    /** The classes a person teaches; an admin sees every class of the box. */
    public List<Classroom> taughtBy(String actor) {
        return isAdmin(actor) ? allClasses() : classes.findByTeacherOrderByName(actor);
    }

    public List<Classroom> allClasses() {
        return classes.findAllByOrderByTeacherAscNameAsc();
    }

    public List<Classroom> joinedBy(String student) {
        List<Long> ids = members.findByAccountName(student).stream().map(Membership::getClassroomId).toList();
        return classes.findAllById(ids).stream().sorted(Comparator.comparing(Classroom::getName)).toList();
    }

    /** The teachers of the classes the person joined: they may look at that person's work. */
    public Set<String> teachersOf(String student) {
        return joinedBy(student).stream().map(Classroom::getTeacher).collect(Collectors.toSet());
    }

    /** Everyone who shares a class with the person, as student or teacher, on either side; not the person. */
    public Set<String> classmatesOf(String person) {
        List<Long> ids = new ArrayList<>(members.findByAccountName(person).stream().map(Membership::getClassroomId).toList());
        classes.findByTeacher(person).forEach(c -> ids.add(c.getId()));
        if (ids.isEmpty()) return Set.of();
        Set<String> people = new HashSet<>();
        classes.findAllById(ids).forEach(c -> people.add(c.getTeacher()));
        members.findByClassroomIdIn(ids).forEach(m -> people.add(m.getAccountName()));
        people.remove(person);
        return people;
    }

    /** The class, if the actor teaches it or is an admin; otherwise the same refusal whether it exists or not. */
    public Classroom manage(long id, String actor) {
        Classroom found = classes.findById(id).orElseThrow(NotYourClassException::new);
        if (!found.getTeacher().equals(actor) && !isAdmin(actor)) {
            throw new NotYourClassException();
        }
        return found;
    }

    public List<String> students(Classroom classroom) {
        return members.findByClassroomIdOrderByAccountName(classroom.getId()).stream()
                .map(Membership::getAccountName).toList();
    }

    /**
     * Each student of the class with their server's state (running, starting, asleep or stopped)
     * and when they were last active, kept after a stop. A server the class's opening will start
     * counts as starting; one asleep is stopped to the hub, and wakes as it was at the next start.
     */
    public List<RosterEntry> roster(Classroom classroom) {
        Map<String, JupyterHubClient.HubUser> known = hub.users().stream()
                .collect(Collectors.toMap(JupyterHubClient.HubUser::name, user -> user, (first, again) -> first));
        Set<String> asleep = spawns.asleep();
        List<RosterEntry> roster = new ArrayList<>();
        for (String student : students(classroom)) {
            JupyterHubClient.HubUser user = known.get(student);
            JupyterHubClient.HubServer server = user == null ? null : user.server();
            String state = server != null ? (server.ready() ? "running" : "starting")
                    : opening.isUnderWay(student) ? "starting" : asleep.contains(student) ? "asleep" : "stopped";
            Instant lastActive = server != null && server.lastActivity() != null ? server.lastActivity() : user == null ? null : user.lastActivity();
            roster.add(new RosterEntry(student, state, lastActive));
        }
        return roster;
    }

    /** What opening a class did: how many of its students' servers it starts, of how many students. */
    public record Opening(Classroom classroom, int starting, int students) {}

    /** Before a lesson: the servers of the class's students start (or wake) now, so they are ready when the class logs in. */
    public Opening open(long classId, String actor) {
        Classroom classroom = manage(classId, actor);
        List<String> students = students(classroom);
        return new Opening(classroom, opening.open(students).size(), students.size());
    }

    public void startServerOf(long classId, String student, String actor) {
        hub.startServer(studentOf(classId, student, actor));
    }

    public void stopServerOf(long classId, String student, String actor) {
        hub.stopServer(studentOf(classId, student, actor));
    }

    /** Whether the class's teacher may watch a student's desktop, read-only. */
    @Transactional
    public void watchDesktops(long classId, boolean allowed, String actor) {
        Classroom classroom = manage(classId, actor);
        classroom.watchDesktops(allowed);
        classes.save(classroom);
    }

    /**
     * The student, once the person may watch their desktop: the class's teacher or an admin, the
     * student in the class, and the class letting its desktops be watched; else a refusal in words.
     */
    public String desktopToWatch(long classId, String student, String actor) {
        Classroom classroom = manage(classId, actor);
        if (!hasStudent(classroom, student)) {
            throw new ClassroomException("class.refused.not-in-class", student, classroom.getName());
        }
        if (!classroom.isDesktopsWatched()) {
            throw new DesktopsNotWatchedException(classroom.getName());
        }
        return student;
    }

    /** Whether the person is a student of the class. */
    public boolean hasStudent(Classroom classroom, String student) {
        return members.existsByClassroomIdAndAccountName(classroom.getId(), student);
    }

    private String studentOf(long classId, String student, String actor) {
        Classroom classroom = manage(classId, actor);
        if (!hasStudent(classroom, student)) {
            throw new ClassroomException("class.refused.not-in-class", student, classroom.getName());
        }
        return student;
    }

    @Transactional
    public void assign(long classId, String courseId, String actor) {
        Classroom classroom = manage(classId, actor);
        if (courses.find(courseId).isEmpty()) {
            throw new ClassroomException("class.refused.no-course", courseId);
        }
        if (!assignments.existsByClassroomIdAndCourseId(classroom.getId(), courseId)) {
            assignments.save(new CourseAssignment(classroom.getId(), courseId));
        }
    }

    public List<String> coursesOf(Classroom classroom) {
        return assignments.findByClassroomIdOrderByCourseId(classroom.getId()).stream()
                .map(CourseAssignment::getCourseId).toList();
    }

    /** Students get the courses of their classes; teachers and admins get every course, to see what students see. */
    @Override
    public Set<String> coursesFor(String user) {
        Role role = accounts.find(user).map(Account::getRole).orElse(Role.STUDENT);
        if (role != Role.STUDENT) {
            return courses.list().stream().map(c -> c.manifest().id()).collect(Collectors.toSet());
        }
        List<Long> ids = members.findByAccountName(user).stream().map(Membership::getClassroomId).toList();
        return ids.isEmpty() ? Set.of() : assignments.findByClassroomIdIn(ids).stream()
                .map(CourseAssignment::getCourseId).collect(Collectors.toSet());
    }

    @Override
    public List<String> groupsOf(String user) {
        List<String> groups = new ArrayList<>(joinedBy(user).stream().map(Classroom::hubGroup).toList());
        classes.findByTeacher(user).forEach(c -> groups.add(c.hubGroup()));
        return groups.stream().distinct().sorted().toList();
    }

    @EventListener
    @Transactional
    void onAccountRemoved(AccountRemoved removed) {
        members.deleteByAccountName(removed.name());
        classes.deleteAll(classes.findByTeacher(removed.name()));
    }

    private void requireTeacher(String actor) {
        if (accounts.find(actor).map(Account::getRole).filter(r -> r != Role.STUDENT).isEmpty()) {
            throw new ClassroomException("class.refused.teachers-only");
        }
    }

    private boolean isAdmin(String actor) {
        return accounts.find(actor).map(Account::getRole).filter(r -> r == Role.ADMIN).isPresent();
    }
}

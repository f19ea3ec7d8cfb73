package org.learnbox.bridge.snippet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learnbox.bridge.classroom.Classroom;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.learnbox.bridge.snippet.SnippetQuery.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The snippet space as each kind of person meets it: the owner, a classmate, a student of
 * another class, the owner's teacher, another teacher, someone in no class, an admin, and
 * someone not logged in (null). Database and files are real: H2 and a temporary folder.
 */
@SpringBootTest
@AutoConfigureMockMvc // the same context as the web tests, so a full run starts it once
@ActiveProfiles("test")
class SnippetServiceTest {
    @Autowired SnippetService snippets;
    @Autowired AccountService accounts;
    @Autowired ClassroomService classrooms;
    @Autowired SnippetRepository rows;
    @Autowired SnippetVersionRepository versionRows;
    @Autowired LearnboxProperties properties;

    private static int run;
    private String owner, classmate, otherStudent, teacher, otherTeacher, loner, admin;
    private List<String> everyone;

    @BeforeEach
    void aSchool() {
        run++;
        teacher = account("sn-teach" + run, Role.TEACHER);
        otherTeacher = account("sn-other" + run, Role.TEACHER);
        admin = account("sn-head" + run, Role.ADMIN);
        owner = account("sn-owner" + run, Role.STUDENT);
        classmate = account("sn-mate" + run, Role.STUDENT);
        otherStudent = account("sn-away" + run, Role.STUDENT);
        loner = account("sn-alone" + run, Role.STUDENT);
        Classroom math = classrooms.create(teacher, "Math");
        Classroom art = classrooms.create(otherTeacher, "Art");
        classrooms.join(owner, math.getJoinCode());
        classrooms.join(classmate, math.getJoinCode());
        classrooms.join(otherStudent, art.getJoinCode());
        everyone = Arrays.asList(owner, classmate, otherStudent, teacher, otherTeacher, loner, admin, null);
    }

    private String account(String name, Role role) {
        accounts.add(name, role, "a-long-password");
        return name;
    }

    private static SnippetDraft python(String title, Visibility visibility, String code) {
        return new SnippetDraft(title, Language.PYTHON, visibility, List.of(new SnippetFile("main.py", code)));
    }

    private SnippetView make(String who, Visibility visibility) {
        return snippets.create(who, python("Hello", visibility, "print('hi')"));
    }

    private Path folderOf(String id) {
        return Path.of(properties.snippets().storage()).resolve(id);
    }

    @Test
    void theClassQueriesTheRulesUseNameWhoSharesAClassAndWhoTeachesWhom() {
        assertThat(classrooms.classmatesOf(owner)).containsExactlyInAnyOrder(classmate, teacher);
        assertThat(classrooms.classmatesOf(teacher)).containsExactlyInAnyOrder(owner, classmate);
        assertThat(classrooms.classmatesOf(loner)).isEmpty();
        assertThat(classrooms.teachersOf(owner)).containsExactly(teacher);
        assertThat(classrooms.teachersOf(teacher)).isEmpty();
    }

    @Test
    void anEditMakesANewVersionTheLinkShowsTheNewestAndOldOnesStayReadable() {
        SnippetView first = snippets.create(owner, python(" Greeting ", Visibility.PRIVATE, "print('hi')"));
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.title()).isEqualTo("Greeting");
        assertThat(first.id()).hasSize(10);

        SnippetView second = snippets.edit(first.id(), python("Greeting", Visibility.PRIVATE, "print('hello')"), owner);
        assertThat(second.version()).isEqualTo(2);
        assertThat(snippets.read(first.id(), owner).files()).containsExactly(new SnippetFile("main.py", "print('hello')"));
        SnippetView old = snippets.read(first.id(), 1, owner);
        assertThat(old.files()).containsExactly(new SnippetFile("main.py", "print('hi')"));
        assertThat(old.isNewest()).isFalse();
        assertThat(old.newestVersion()).isEqualTo(2);

        SnippetView renamed = snippets.edit(first.id(), python("Greeting, louder", Visibility.PRIVATE, "print('hello')"), owner);
        assertThat(renamed.version()).as("same files: no new version").isEqualTo(2);
        assertThat(snippets.read(first.id(), owner).title()).isEqualTo("Greeting, louder");

        assertThat(snippets.history(first.id(), owner)).extracting(SnippetVersionInfo::number).containsExactly(2, 1);
        assertThat(snippets.history(first.id(), owner).getFirst().fileNames()).containsExactly("main.py");
        assertThat(folderOf(first.id()).resolve("v1")).exists();
        assertThat(folderOf(first.id()).resolve("v2")).exists();
        assertThatThrownBy(() -> snippets.read(first.id(), 9, owner))
                .isInstanceOf(SnippetNotFoundException.class)
                .hasMessage("The snippet \"" + first.id() + "\" has no version 9; its versions are 1 to 2.");
    }

    @Test
    void whoReadsFollowsTheVisibilityFromEverySide() {
        assertReaders(make(owner, Visibility.PRIVATE).id(), owner, teacher, admin);
        assertReaders(make(owner, Visibility.CLASS).id(), owner, classmate, teacher, admin);
        assertReaders(make(owner, Visibility.PUBLIC).id(), everyone.toArray(String[]::new));
        assertReaders(make(teacher, Visibility.CLASS).id(), teacher, owner, classmate, admin);
    }

    private void assertReaders(String id, String... readers) {
        List<String> allowed = Arrays.asList(readers);
        for (String person : everyone) {
            if (allowed.contains(person)) {
                assertThat(snippets.read(id, person).id()).as("%s reads", person).isEqualTo(id);
                assertThat(snippets.history(id, person)).as("%s reads the history", person).hasSize(1);
            } else {
                assertThatThrownBy(() -> snippets.read(id, person)).as("%s does not read", person)
                        .isInstanceOf(SnippetNotFoundException.class)
                        .hasMessage("There is no snippet \"" + id + "\", or it is not shared with you.");
            }
        }
    }

    @Test
    void onlyTheOwnerChangesASnippetAndTheOwnerOrAnAdminDeletesIt() {
        SnippetView shared = make(owner, Visibility.CLASS);
        SnippetDraft change = python("Mine now", Visibility.PUBLIC, "print('taken')");
        for (String other : List.of(classmate, teacher, admin)) {
            assertThatThrownBy(() -> snippets.edit(shared.id(), change, other))
                    .isInstanceOf(NotYourSnippetException.class)
                    .hasMessage("Only " + owner + ", who made this snippet, can change it."
                            + " Copy it into your own snippets to change the copy.");
            assertThatThrownBy(() -> snippets.changeVisibility(shared.id(), Visibility.PUBLIC, other))
                    .isInstanceOf(NotYourSnippetException.class);
        }
        for (String other : Arrays.asList(otherStudent, loner, null)) {
            assertThatThrownBy(() -> snippets.edit(shared.id(), change, other)).isInstanceOf(SnippetNotFoundException.class);
            assertThatThrownBy(() -> snippets.delete(shared.id(), other)).isInstanceOf(SnippetNotFoundException.class);
        }
        assertThatThrownBy(() -> snippets.delete(shared.id(), classmate))
                .isInstanceOf(NotYourSnippetException.class)
                .hasMessage("Only " + owner + ", who made this snippet, or an admin can delete it.");
        assertThatThrownBy(() -> snippets.delete(shared.id(), teacher)).isInstanceOf(NotYourSnippetException.class);
        assertThat(snippets.read(shared.id(), owner).version()).isEqualTo(1);
        assertThat(snippets.read(shared.id(), owner).mayEdit()).isTrue();
        assertThat(snippets.read(shared.id(), classmate).mayEdit()).isFalse();
        assertThat(snippets.read(shared.id(), admin).mayDelete()).isTrue();

        snippets.delete(shared.id(), admin);
        assertThat(rows.existsById(shared.id())).isFalse();
        assertThat(versionRows.findBySnippetIdOrderByNumberDesc(shared.id())).isEmpty();
        assertThat(folderOf(shared.id())).doesNotExist();
        assertThatThrownBy(() -> snippets.read(shared.id(), owner)).isInstanceOf(SnippetNotFoundException.class);

        SnippetView own = make(owner, Visibility.PRIVATE);
        snippets.delete(own.id(), owner);
        assertThat(rows.existsById(own.id())).isFalse();
        assertThatThrownBy(() -> snippets.create(null, python("x", Visibility.PUBLIC, "x")))
                .isInstanceOf(NotYourSnippetException.class).hasMessage("Log in to make a snippet.");
    }

    @Test
    void theOwnerChangesWhoSeesItWithoutANewVersion() {
        SnippetView snippet = make(owner, Visibility.PRIVATE);
        assertThatThrownBy(() -> snippets.read(snippet.id(), null)).isInstanceOf(SnippetNotFoundException.class);
        SnippetView shown = snippets.changeVisibility(snippet.id(), Visibility.PUBLIC, owner);
        assertThat(shown.visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(shown.version()).isEqualTo(1);
        assertThat(snippets.read(snippet.id(), null).files()).containsExactly(new SnippetFile("main.py", "print('hi')"));
    }

    @Test
    void aForkIsTheForkersOwnPrivateCopyAndKeepsItsSourceAndVersion() {
        SnippetView source = snippets.create(owner, python("Sorter", Visibility.CLASS, "v1"));
        snippets.edit(source.id(), python("Sorter", Visibility.CLASS, "v2"), owner);

        SnippetView fork = snippets.fork(source.id(), 1, classmate);
        assertThat(fork.id()).isNotEqualTo(source.id());
        assertThat(fork.owner()).isEqualTo(classmate);
        assertThat(fork.visibility()).isEqualTo(Visibility.PRIVATE);
        assertThat(fork.title()).isEqualTo("Sorter");
        assertThat(fork.version()).isEqualTo(1);
        assertThat(fork.files()).containsExactly(new SnippetFile("main.py", "v1"));
        assertThat(fork.forkedFrom()).isEqualTo(new SnippetSource(source.id(), 1));
        assertThat(fork.mayEdit()).isTrue();
        assertThat(snippets.fork(source.id(), classmate).forkedFrom()).isEqualTo(new SnippetSource(source.id(), 2));

        snippets.edit(fork.id(), python("My sorter", Visibility.PRIVATE, "mine"), classmate);
        assertThat(snippets.read(source.id(), owner).files()).containsExactly(new SnippetFile("main.py", "v2"));
        assertThatThrownBy(() -> snippets.read(fork.id(), owner)).as("the fork is private to the forker")
                .isInstanceOf(SnippetNotFoundException.class);

        assertThatThrownBy(() -> snippets.fork(source.id(), otherStudent)).isInstanceOf(SnippetNotFoundException.class);
        String open = make(owner, Visibility.PUBLIC).id();
        assertThatThrownBy(() -> snippets.fork(open, null))
                .isInstanceOf(NotYourSnippetException.class).hasMessage("Log in to copy a snippet into your own.");

        snippets.delete(source.id(), owner);
        assertThat(snippets.read(fork.id(), classmate).forkedFrom()).as("the link outlives its source")
                .isEqualTo(new SnippetSource(source.id(), 1));
    }

    @Test
    void refusedSnippetsAndEditsLeaveNothingBehind() throws Exception {
        SnippetView kept = make(owner, Visibility.PRIVATE);
        long snippetsBefore = rows.count();
        long versionsBefore = versionRows.count();
        List<String> foldersBefore = folders();

        List<SnippetDraft> refused = List.of(
                new SnippetDraft("Evil", Language.PYTHON, Visibility.PUBLIC, List.of(new SnippetFile("../evil.py", "x"))),
                python("Big", Visibility.PRIVATE, "x".repeat(1024 * 1024 + 1)),
                new SnippetDraft("Empty", Language.WEB, Visibility.PRIVATE, List.of()),
                python("", Visibility.PRIVATE, "x"),
                new SnippetDraft("No language", null, Visibility.PRIVATE, List.of(new SnippetFile("a.py", "x"))));
        for (SnippetDraft draft : refused) {
            assertThatThrownBy(() -> snippets.create(owner, draft)).isInstanceOf(SnippetException.class);
            assertThatThrownBy(() -> snippets.edit(kept.id(), draft, owner)).isInstanceOf(SnippetException.class);
        }
        assertThatThrownBy(() -> snippets.create(owner, python("Big", Visibility.PRIVATE, "x".repeat(1024 * 1024 + 1))))
                .hasMessageContaining("a snippet may hold at most 1 MB (learnbox.snippets.max-size)");

        assertThat(rows.count()).isEqualTo(snippetsBefore);
        assertThat(versionRows.count()).isEqualTo(versionsBefore);
        assertThat(folders()).isEqualTo(foldersBefore);
        assertThat(snippets.read(kept.id(), owner).title()).isEqualTo("Hello");
        assertThat(snippets.read(kept.id(), owner).version()).isEqualTo(1);
    }

    /** Every folder and file under the snippet storage, to see that nothing was added or left half-done. */
    private List<String> folders() throws Exception {
        Path root = Path.of(properties.snippets().storage());
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(root::relativize).map(Path::toString).sorted().toList();
        }
    }

    @Test
    void editsAtTheSameTimeEachGetTheirOwnVersion() throws Exception {
        String id = make(owner, Visibility.PRIVATE).id();
        List<Future<SnippetView>> edits = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            for (int i = 0; i < 3; i++) {
                String code = "print(" + i + ")";
                edits.add(pool.submit(() -> snippets.edit(id, python("Hello", Visibility.PRIVATE, code), owner)));
            }
            for (Future<SnippetView> edit : edits) edit.get();
        }
        assertThat(snippets.history(id, owner)).extracting(SnippetVersionInfo::number).containsExactly(4, 3, 2, 1);
        for (int version = 1; version <= 4; version++) {
            assertThat(snippets.read(id, version, owner).files()).hasSize(1);
        }
    }

    @Test
    void searchFindsByWhoseItIsLanguageAndWords() {
        String tag = "tag" + run + "x";
        SnippetView fizz = snippets.create(owner, python("Fizz buzz " + tag, Visibility.CLASS, "for i in range(100): pass"));
        SnippetView page = snippets.create(owner, new SnippetDraft("Hello page " + tag, Language.WEB, Visibility.PUBLIC,
                List.of(new SnippetFile("index.html", "<h1>Welcome</h1>"), new SnippetFile("style.css", "h1 {}"))));
        SnippetView secret = snippets.create(owner, new SnippetDraft("Secret " + tag, Language.JAVA, Visibility.PRIVATE,
                List.of(new SnippetFile("Main.java", "class Main {}"))));
        SnippetView sort = snippets.create(classmate, new SnippetDraft("Quick sort " + tag, Language.JAVA, Visibility.CLASS,
                List.of(new SnippetFile("Sort.java", "void quickSort() {}"))));
        SnippetView away = snippets.create(otherStudent, python("Other class " + tag, Visibility.CLASS, "pass"));
        SnippetView awayPublic = snippets.create(otherStudent, python("Public other " + tag, Visibility.PUBLIC, "print()"));

        assertThat(ids(SnippetQuery.of(Scope.MINE), owner)).containsExactlyInAnyOrder(fizz.id(), page.id(), secret.id());
        assertThat(ids(SnippetQuery.of(Scope.MINE, "python", ""), owner)).containsExactly(fizz.id());
        assertThat(ids(SnippetQuery.of(Scope.MINE, null, "RANGE"), owner)).containsExactly(fizz.id());
        assertThat(ids(SnippetQuery.of(Scope.MINE, null, "welcome"), owner)).containsExactly(page.id());
        assertThat(ids(SnippetQuery.of(Scope.MINE, "web", "hello"), owner)).containsExactly(page.id());
        assertThat(ids(SnippetQuery.of(Scope.MINE, null, "fizz range"), owner)).containsExactly(fizz.id());
        assertThat(ids(SnippetQuery.of(Scope.MINE, null, "fizz welcome"), owner)).isEmpty();

        assertThat(ids(SnippetQuery.of(Scope.MY_CLASSES), owner)).containsExactly(sort.id());
        assertThat(ids(SnippetQuery.of(Scope.MY_CLASSES, null, "QUICKSORT"), owner)).containsExactly(sort.id());
        assertThat(ids(SnippetQuery.of(Scope.MY_CLASSES), teacher))
                .as("a teacher may read a student's private snippets, but lists show what was shared")
                .containsExactlyInAnyOrder(fizz.id(), page.id(), sort.id());
        assertThat(ids(SnippetQuery.of(Scope.MY_CLASSES), otherStudent)).isEmpty();
        assertThat(ids(SnippetQuery.of(Scope.MY_CLASSES), loner)).isEmpty();

        assertThat(ids(SnippetQuery.of(Scope.PUBLIC, null, tag), null)).containsExactlyInAnyOrder(page.id(), awayPublic.id());
        assertThat(ids(SnippetQuery.of(Scope.PUBLIC, "web", tag + " welcome"), loner)).containsExactly(page.id());
        assertThat(ids(SnippetQuery.of(Scope.MINE), null)).isEmpty();
        assertThat(ids(SnippetQuery.of(Scope.MY_CLASSES), null)).isEmpty();
        assertThat(away.id()).isNotIn(ids(SnippetQuery.of(Scope.PUBLIC, null, tag), otherStudent));
    }

    private List<String> ids(SnippetQuery query, String viewer) {
        return snippets.search(query, viewer).stream().map(SnippetSummary::id).toList();
    }

    @Test
    void aRemovedAccountTakesItsSnippetsAlongButNotOthersCopies() {
        SnippetView mine = make(owner, Visibility.CLASS);
        SnippetView copy = snippets.fork(mine.id(), classmate);

        accounts.remove(owner);

        assertThat(rows.existsById(mine.id())).isFalse();
        assertThat(folderOf(mine.id())).doesNotExist();
        assertThat(snippets.read(copy.id(), classmate).forkedFrom()).isEqualTo(new SnippetSource(mine.id(), 1));
        assertThat(folderOf(copy.id())).exists();
    }
}

package org.learnbox.bridge.snippet;

import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a snippet. Reading: its owner; anyone for a public one; those who share
 * a class with the owner for a class one; the teachers of the owner's classes and admins,
 * always. Changing: the owner alone. Deleting: the owner, or an admin.
 * A null person is someone not logged in.
 */
@Component
class SnippetAccess {
    private final AccountService accounts;
    private final ClassroomService classrooms;

    SnippetAccess(AccountService accounts, ClassroomService classrooms) {
        this.accounts = accounts;
        this.classrooms = classrooms;
    }

    boolean mayRead(Snippet snippet, String person) {
        if (snippet.getVisibility() == Visibility.PUBLIC || snippet.isOwnedBy(person)) return true;
        if (person == null) return false;
        if (isAdmin(person) || classrooms.teachersOf(snippet.getOwner()).contains(person)) return true;
        return snippet.getVisibility() == Visibility.CLASS && classrooms.classmatesOf(snippet.getOwner()).contains(person);
    }

    boolean mayEdit(Snippet snippet, String person) {
        return snippet.isOwnedBy(person);
    }

    boolean mayDelete(Snippet snippet, String person) {
        return snippet.isOwnedBy(person) || isAdmin(person);
    }

    private boolean isAdmin(String person) {
        return accounts.find(person).map(Account::getRole).filter(r -> r == Role.ADMIN).isPresent();
    }
}

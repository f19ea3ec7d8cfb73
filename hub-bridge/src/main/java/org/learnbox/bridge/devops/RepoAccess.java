package org.learnbox.bridge.devops;

import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.identity.Account;
import org.learnbox.bridge.identity.AccountService;
import org.learnbox.bridge.identity.Role;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a repository. Cloning and fetching: anyone for a public one; for a private
 * one its owner, the teachers of the owner's classes, and the admins. Pushing: the owner alone.
 * A null person is someone not logged in.
 */
@Component
class RepoAccess {
    private final AccountService accounts;
    private final ClassroomService classrooms;

    RepoAccess(AccountService accounts, ClassroomService classrooms) {
        this.accounts = accounts;
        this.classrooms = classrooms;
    }

    boolean mayRead(GitRepo repo, String person) {
        if (repo.getVisibility() == RepoVisibility.PUBLIC || repo.isOwnedBy(person)) return true;
        if (person == null) return false;
        return isAdmin(person) || classrooms.teachersOf(repo.getOwner()).contains(person);
    }

    boolean mayPush(String owner, String person) {
        return owner.equals(person);
    }

    private boolean isAdmin(String person) {
        return accounts.find(person).map(Account::getRole).filter(r -> r == Role.ADMIN).isPresent();
    }
}

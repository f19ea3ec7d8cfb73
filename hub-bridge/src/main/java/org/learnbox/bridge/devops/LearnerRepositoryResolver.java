package org.learnbox.bridge.devops;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitSmartHttpTools;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ServiceMayNotContinueException;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.learnbox.bridge.config.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * Finds the repository a git request names ({@code OWNER/PROJECT.git}) and decides whether this
 * person may have it. Someone not logged in is asked to log in whenever the answer could depend on
 * who they are, so a private repository and a missing one answer alike; a logged-in person who may
 * not is told why in words that git prints.
 */
@Component
class LearnerRepositoryResolver implements RepositoryResolver<HttpServletRequest> {
    private final RepoService repos;
    private final GitStorage storage;
    private final PublicAddress address;

    LearnerRepositoryResolver(RepoService repos, GitStorage storage, PublicAddress address) {
        this.repos = repos;
        this.storage = storage;
        this.address = address;
    }

    @Override
    public Repository open(HttpServletRequest request, String name)
            throws RepositoryNotFoundException, ServiceNotAuthorizedException, ServiceMayNotContinueException {
        RepoPath path = RepoPath.parse(name).orElseThrow(() -> new RepositoryNotFoundException(name));
        String person = request.getRemoteUser();
        request.setAttribute(RepoPath.ATTRIBUTE, path);
        return isPush(request) ? forPush(path, person, request) : forClone(path, person, request);
    }

    private Repository forPush(RepoPath path, String person, HttpServletRequest request)
            throws ServiceNotAuthorizedException, ServiceMayNotContinueException {
        if (person == null) {
            throw new ServiceNotAuthorizedException("Log in to push: git takes your LearnBox name with your password"
                    + " or a token made at " + address.of(request) + "/tokens" + ".");
        }
        if (!repos.mayPush(path.owner(), person)) {
            throw GitAnswers.refusal(request, "Only " + path.owner() + " may push to " + path.owner() + "'s repositories."
                    + " Push to one of your own instead: " + address.of(request)
                    + GitServerPaths.repository(person, RepoNames.isValid(path.project()) ? path.project() : "NAME") + ".");
        }
        try {
            GitRepo repo = repos.forPush(path.owner(), path.project());
            return storage.open(repo.getOwner(), repo.getName());
        } catch (RepoException refused) {
            throw GitAnswers.refusal(request, refused.getMessage());
        }
    }

    private Repository forClone(RepoPath path, String person, HttpServletRequest request)
            throws ServiceNotAuthorizedException, ServiceMayNotContinueException {
        Optional<GitRepo> repo = repos.find(path.owner(), path.project());
        if (repo.isPresent() && repos.mayRead(repo.get(), person)) {
            return storage.open(path.owner(), path.project());
        }
        if (person == null) {
            throw new ServiceNotAuthorizedException("Log in to clone " + path + ": git takes your LearnBox name with"
                    + " your password or a token made at " + address.of(request) + "/tokens" + ".");
        }
        if (path.owner().equals(person)) {
            throw GitAnswers.refusal(request, "You have no repository named '" + path.project() + "' yet."
                    + " Push to this address to make it, or make it at " + address.of(request) + "/repositories.");
        }
        throw GitAnswers.refusal(request, "There is no repository " + path + " on this box, or it is not shared with you."
                + " Check the address with " + path.owner() + "; they can make it public.");
    }

    /** Pushing: the receive side of git's protocol, when it is asked for its branches and when it is sent commits. */
    static boolean isPush(HttpServletRequest request) {
        return GitSmartHttpTools.isReceivePack(request)
                || (GitSmartHttpTools.isInfoRefs(request) && GitSmartHttpTools.RECEIVE_PACK.equals(request.getParameter("service")));
    }
}

package org.learnbox.bridge.devops;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.ReceivePackFactory;
import org.eclipse.jgit.transport.resolver.ServiceNotAuthorizedException;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.learnbox.bridge.config.DataDisk;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.config.PublicAddress;
import org.learnbox.bridge.config.Words;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The receive side of a push, for the repository's owner (the resolver has refused everyone else):
 * every object is checked before anything is stored, a push has a size limit, and force pushes and
 * deletions are allowed but recorded.
 */
@Component
class LearnerReceivePackFactory implements ReceivePackFactory<HttpServletRequest> {
    private final RepoService repos;
    private final ObjectProvider<PushListener> listeners;
    private final DataSize maxPushSize;
    private final String box;
    private final PublicAddress address;
    private final DataDisk disk;

    LearnerReceivePackFactory(RepoService repos, ObjectProvider<PushListener> listeners, LearnboxProperties properties,
            PublicAddress address, DataDisk disk) {
        this.address = address;
        this.disk = disk;
        this.repos = repos;
        this.listeners = listeners;
        this.maxPushSize = properties.git().maxPushSize();
        this.box = properties.box();
    }

    @Override
    public ReceivePack create(HttpServletRequest request, Repository db)
            throws ServiceNotEnabledException, ServiceNotAuthorizedException {
        String pusher = request.getRemoteUser();
        if (pusher == null) throw new ServiceNotAuthorizedException();
        RepoPath path = (RepoPath) request.getAttribute(RepoPath.ATTRIBUTE);
        if (path == null || !repos.mayPush(path.owner(), pusher)) {
            throw new ServiceNotEnabledException("Only the owner of a repository may push to it.");
        }
        GitRepo repo = repos.find(path.owner(), path.project())
                .orElseThrow(() -> new ServiceNotEnabledException("There is no repository " + path + "."));

        ReceivePack rp = new LearnerReceivePack(db, maxPushSize);
        // Said in the answer to the push's first request, before the client sends its pack ("fatal: remote error: ...").
        if (!disk.hasRoom()) rp.sendError(Words.english("git.refused.disk-full"));
        rp.setRefLogIdent(new PersonIdent(pusher, pusher + "@" + box + ".learnbox"));
        rp.setCheckReceivedObjects(true);
        rp.setAllowDeletes(true);
        rp.setAllowNonFastForwards(true);
        rp.setPostReceiveHook(new PushRecorder(repos, listeners.getIfAvailable(() -> PushListener.NONE), path, pusher,
                repo.getPushedAt() != null ? null : firstPushNote(request, repo)));
        return rp;
    }

    private String firstPushNote(HttpServletRequest request, GitRepo repo) {
        String where = address.of(request) + "/repositories";
        return repo.getVisibility() == RepoVisibility.PUBLIC
                ? repo.getOwner() + "/" + repo.getName() + " is public: anyone with its address may clone it. Change that at " + where + "."
                : repo.getOwner() + "/" + repo.getName() + " is private: only you, your teachers and the admins may clone it."
                        + " Change that at " + where + ".";
    }
}

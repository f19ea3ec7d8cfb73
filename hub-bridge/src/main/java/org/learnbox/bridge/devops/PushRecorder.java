package org.learnbox.bridge.devops;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PostReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a push is stored, while its client still listens: the push goes on record, HEAD gets a
 * branch if it had none, the pusher hears what was notable, and the {@link PushListener} hears of
 * every branch the push created or moved. The push itself has succeeded by now, so nothing here
 * may fail it: problems are told and logged.
 */
class PushRecorder implements PostReceiveHook {
    private static final Logger log = LoggerFactory.getLogger(PushRecorder.class);

    private final RepoService repos;
    private final PushListener listener;
    private final RepoPath path;
    private final String pusher;
    private final String firstPushNote; // null after the first push

    PushRecorder(RepoService repos, PushListener listener, RepoPath path, String pusher, String firstPushNote) {
        this.repos = repos;
        this.listener = listener;
        this.path = path;
        this.pusher = pusher;
        this.firstPushNote = firstPushNote;
    }

    @Override
    public void onPostReceive(ReceivePack rp, Collection<ReceiveCommand> applied) {
        if (applied.isEmpty()) return;
        List<ReceiveCommand> commands = List.copyOf(applied);
        try {
            repos.recordPush(path.owner(), path.project(), pusher, commands);
        } catch (RuntimeException e) {
            log.error("the push of {} to {} is stored but not on record", pusher, path, e);
        }
        try {
            GitStorage.pointHeadAtABranch(rp.getRepository(), commands.stream()
                    .filter(c -> c.getType() != ReceiveCommand.Type.DELETE)
                    .map(ReceiveCommand::getRefName).filter(r -> r.startsWith(Constants.R_HEADS)).toList());
        } catch (IOException e) {
            log.warn("HEAD of {} still names a missing branch: {}", path, e.getMessage());
        }
        if (firstPushNote != null) rp.sendMessage(firstPushNote);
        commands.forEach(command -> note(rp, command));
        for (ReceiveCommand command : commands) {
            String branch = RepoService.branchOf(command.getRefName());
            if (branch == null || command.getType() == ReceiveCommand.Type.DELETE) continue;
            try {
                listener.pushed(path.owner(), path.project(), branch, command.getNewId(), rp);
            } catch (RuntimeException e) {
                log.error("what follows the push of {} to {} failed", branch, path, e);
                rp.sendError("Your push is stored, but what follows it on the box failed: " + e.getMessage());
            }
        }
    }

    /** Force pushes and deletions are allowed to the owner, and said back, with the commit they replaced. */
    private static void note(ReceivePack rp, ReceiveCommand command) {
        String name = Repository.shortenRefName(command.getRefName()); // "main", "v1.0"
        String was = command.getOldId().abbreviate(7).name();
        switch (command.getType()) {
            case UPDATE_NONFASTFORWARD -> rp.sendMessage("Recorded: " + name + " was force-pushed; it was at " + was
                    + ", and the box keeps that on record.");
            case DELETE -> rp.sendMessage(("refs/heads/" + GitStorage.DEFAULT_BRANCH).equals(command.getRefName())
                    ? "Recorded: you deleted " + name + ", the branch the box deploys from; it was at " + was
                            + ". Push " + name + " again to bring it back."
                    : "Recorded: you deleted " + name + "; it was at " + was + ".");
            default -> { }
        }
    }
}

package org.learnbox.bridge.devops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import org.eclipse.jgit.errors.TooLargePackException;
import org.eclipse.jgit.errors.UnpackException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UnpackErrorHandler;
import org.learnbox.bridge.config.Causes;
import org.learnbox.bridge.config.DiskFull;
import org.learnbox.bridge.config.Words;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * JGit's receive side, saying in words what it would say in bytes or in its own terms: a push over
 * the size limit, and the losing one of two pushes at once. JGit locks each branch and moves it
 * only from the commit the client saw, so the repository stays whole either way.
 */
class LearnerReceivePack extends ReceivePack {
    private static final Logger log = LoggerFactory.getLogger(LearnerReceivePack.class);

    LearnerReceivePack(Repository repository, DataSize maxPushSize) {
        super(repository);
        setMaxPackSizeLimit(maxPushSize.toBytes());
        UnpackErrorHandler standard = getUnpackErrorHandler();
        setUnpackErrorHandler(error -> {
            if (Causes.any(error, TooLargePackException.class)) {
                sendError("This push is bigger than " + inWords(maxPushSize) + ", the most one push may bring to"
                        + " this box, so nothing of it was stored. Leave big files (videos, data, build output) out of"
                        + " git with a .gitignore, or push fewer commits at a time.");
            } else if (DiskFull.isCause(error)) {
                sendError(Words.english("git.refused.disk-full"));
            }
            standard.handleUnpackException(error); // JGit's status report: the client's "[remote rejected]" lines
        });
    }

    /** A push over the limit is the pusher's to fix, not the box's fault: no error in the box's log. */
    @Override
    public void receive(InputStream input, OutputStream output, OutputStream messages) throws IOException {
        try {
            super.receive(input, output, messages);
        } catch (UnpackException tooLarge) {
            if (!Causes.any(tooLarge, TooLargePackException.class)) throw tooLarge;
            log.info("refused a push over the size limit to {}", getRepository().getDirectory());
            input.transferTo(OutputStream.nullOutputStream()); // the client hears the answer once it has sent all
        }
    }

    @Override
    protected void executeCommands() {
        super.executeCommands();
        explainLostRaces(getRepository(), getAllCommands());
    }

    /** A command refused because its branch moved while the push ran gets words a learner can act on. */
    static void explainLostRaces(Repository repository, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand command : commands) {
            boolean lockLost = command.getResult() == ReceiveCommand.Result.LOCK_FAILURE;
            boolean movedMeanwhile = command.getResult() == ReceiveCommand.Result.REJECTED_OTHER_REASON
                    && !command.getOldId().equals(currentId(repository, command.getRefName()));
            if (lockLost || movedMeanwhile) {
                String branch = Repository.shortenRefName(command.getRefName());
                command.setResult(command.getResult(), "another push changed " + branch
                        + " while yours ran, so " + branch + " stays as that push left it. Pull, then push again");
            }
        }
    }

    private static ObjectId currentId(Repository repository, String refName) {
        try {
            Ref ref = repository.exactRef(refName);
            return ref == null || ref.getObjectId() == null ? ObjectId.zeroId() : ref.getObjectId();
        } catch (IOException e) {
            return ObjectId.zeroId();
        }
    }

    static String inWords(DataSize size) {
        long bytes = size.toBytes();
        long megabyte = DataSize.ofMegabytes(1).toBytes();
        if (bytes >= megabyte && bytes % megabyte == 0) return size.toMegabytes() + " MB";
        if (bytes >= 1024 && bytes % 1024 == 0) return size.toKilobytes() + " KB";
        return bytes + " bytes";
    }
}

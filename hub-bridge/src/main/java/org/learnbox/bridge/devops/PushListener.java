package org.learnbox.bridge.devops;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * The seam for what a push sets off (build and deploy): called once per branch a push created or
 * moved, after the push is stored, while the client is still listening. What it sends with
 * {@code rp.sendMessage(...)} is printed by the pushing git client as "remote: ...". Without a bean
 * of this type, a push sets off nothing.
 */
public interface PushListener {
    PushListener NONE = (owner, project, branch, newCommit, rp) -> {};

    void pushed(String owner, String project, String branch, ObjectId newCommit, ReceivePack rp);
}

package org.learnbox.bridge.devops;

import java.io.IOException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.ReceivePack;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A push to the deploy branch deploys, while the pushing client listens: each step and each line
 * of the build shows in its output as "remote: ...", as it happens (git's side band).
 */
@Component
class DeployOnPush implements PushListener {
    private static final Logger log = LoggerFactory.getLogger(DeployOnPush.class);

    private final Deployments deployments;
    private final String deployBranch;

    DeployOnPush(Deployments deployments, LearnboxProperties properties) {
        this.deployments = deployments;
        this.deployBranch = properties.git().deployBranch();
    }

    @Override
    public void pushed(String owner, String project, String branch, ObjectId newCommit, ReceivePack rp) {
        if (!deployBranch.equals(branch)) return;
        deployments.deploy(owner, project, newCommit, rp.getRepository(), line -> {
            rp.sendMessage(line);
            try {
                rp.getMessageOutputStream().flush();
            } catch (IOException clientGone) {
                log.debug("the pushing client of {}/{} left: {}", owner, project, clientGone.getMessage());
            }
        });
    }
}

package org.learnbox.kernel;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

/** The library's connection with {@link PromptShellChannel}s in place of its polling shell and control channels. */
final class PromptConnection extends JupyterConnection {
    private final KernelConnectionProperties properties;
    private final PromptShellChannel promptShell;
    private final PromptShellChannel promptControl;

    PromptConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        ZMQ.Context context = ZMQ.context(1);
        HMACGenerator hmac = properties.createHMACGenerator();
        this.promptShell = new PromptShellChannel(context, hmac, false, this);
        this.promptControl = new PromptShellChannel(context, hmac, true, this);
    }

    @Override
    public void connect() {
        heartbeat.bind(properties);
        promptShell.bind(properties);
        promptControl.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        promptShell.close();
        promptControl.close();
        heartbeat.close();
    }

    @Override
    public void waitUntilClose() {
        promptShell.waitUntilClose();
        promptControl.waitUntilClose();
    }
}

package org.learnbox.bridge.course;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.Daemon;

/** A teacher's repository served on git:// from this machine, as a school's git host serves it: the box clones only from a server. */
final class LocalGitServer implements AutoCloseable {
    private final Daemon daemon = new Daemon(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));

    LocalGitServer(Path workTree) throws IOException {
        daemon.setRepositoryResolver((client, name) -> {
            if (!name.replaceFirst("^/", "").equals("course.git")) throw new RepositoryNotFoundException(name);
            try {
                return new FileRepositoryBuilder().setGitDir(workTree.resolve(".git").toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new RepositoryNotFoundException(name, e);
            }
        });
        daemon.start();
    }

    String url() {
        return "git://127.0.0.1:" + daemon.getAddress().getPort() + "/course.git";
    }

    @Override
    public void close() {
        daemon.stop();
    }
}

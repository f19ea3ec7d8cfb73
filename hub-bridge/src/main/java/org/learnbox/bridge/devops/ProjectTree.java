package org.learnbox.bridge.devops;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.learnbox.bridge.app.AppFiles;

/** The files of a pushed commit, read from the bare repository (no checkout): as an app's files, or as a tar to build. */
final class ProjectTree {
    private ProjectTree() {}

    static AppFiles files(Repository repository, ObjectId commit, long maxBytes) {
        AppFiles files = new AppFiles(maxBytes);
        walk(repository, commit, files::add);
        return files;
    }

    /** The commit's files as a tar, for the builder, which gets them in /build. */
    static byte[] tar(Repository repository, ObjectId commit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            java.util.Set<String> folders = new java.util.HashSet<>();
            walk(repository, commit, (path, content) -> {
                try {
                    // Folders as entries of their own, the builder's: a build writes into them.
                    for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                        String folder = "build/" + path.substring(0, slash) + "/";
                        if (!folders.add(folder)) continue;
                        TarArchiveEntry entry = new TarArchiveEntry(folder);
                        entry.setMode(040755);
                        entry.setUserId(1000);
                        entry.setGroupId(1000);
                        tar.putArchiveEntry(entry);
                        tar.closeArchiveEntry();
                    }
                    TarArchiveEntry entry = new TarArchiveEntry("build/" + path);
                    entry.setSize(content.length);
                    entry.setMode(0644);
                    entry.setUserId(1000);
                    entry.setGroupId(1000);
                    tar.putArchiveEntry(entry);
                    tar.write(content);
                    tar.closeArchiveEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private interface FileVisitor {
        void file(String path, byte[] content);
    }

    private static void walk(Repository repository, ObjectId commit, FileVisitor visitor) {
        try (RevWalk commits = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(commits.parseCommit(commit).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode == FileMode.GITLINK) continue; // a submodule: its files are not in this repository
                if (mode == FileMode.SYMLINK) {
                    throw new RepoException("repo.refused.link", tree.getPathString());
                }
                visitor.file(tree.getPathString(), repository.open(tree.getObjectId(0)).getBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

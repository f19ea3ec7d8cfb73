package org.learnbox.bridge.sandbox;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A learner's home read straight from the folder that holds it, as fast as a file read. The learner
 * owns every name in it, so no link is followed at any depth: each folder is opened from the one
 * before it without following links (openat), never by a path the learner could meanwhile swap
 * for a link to another home. What is looked at is bounded, whatever the home holds.
 */
final class HomeFolder {
    /** The most names looked at by one listing, and the deepest folder gone into. */
    static final int MOST_NAMES = 50_000;
    static final int DEEPEST = 64;

    private final Path root;

    HomeFolder(Path root) {
        this.root = root;
    }

    /** As {@link SandboxRuntime#findInHome}: files whose names end with {@code suffix}, hidden names left out, in path order. */
    HomeListing find(String suffix, int most) throws IOException {
        Listing listing = new Listing(suffix, most);
        try (SecureDirectoryStream<Path> top = open(root)) {
            listing.walk(top, "", 0);
        }
        listing.files.sort(Comparator.comparing(HomeFile::path));
        return new HomeListing(List.copyOf(listing.files), listing.cut);
    }

    /**
     * The regular file at {@code pathInHome}, its bytes when it has at most {@code most}. A path
     * through a link, to anything but a regular file, or to nothing, is a {@link NoSuchFileException}.
     */
    HomeRead read(String pathInHome, int most) throws IOException {
        List<String> names = namesOf(pathInHome);
        try (SecureDirectoryStream<Path> folder = folderAt(names.subList(0, names.size() - 1), pathInHome)) {
            Path name = Path.of(names.getLast());
            BasicFileAttributes attributes = folder.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW_LINKS).readAttributes();
            // Only a regular file is opened: opening a pipe would wait for a writer.
            if (!attributes.isRegularFile()) throw new NoSuchFileException(pathInHome);
            if (attributes.size() > most) return new HomeRead(attributes.size(), null);
            try (SeekableByteChannel file = folder.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW_LINKS))) {
                // One byte more than the file had, to see whether it grew since it was looked at.
                ByteBuffer bytes = ByteBuffer.allocate((int) attributes.size() + 1);
                while (file.read(bytes) >= 0) {
                    if (bytes.hasRemaining()) continue;
                    if (bytes.capacity() > most) break;
                    bytes = ByteBuffer.allocate((int) Math.min(most + 1L, bytes.capacity() * 2L)).put(bytes.flip());
                }
                if (bytes.position() > most) return new HomeRead(Math.max(file.size(), most + 1L), null);
                return new HomeRead(bytes.position(), java.util.Arrays.copyOf(bytes.array(), bytes.position()));
            }
        } catch (NoSuchFileException missing) {
            throw missing;
        } catch (FileSystemException linkOrNotAFile) {
            // ELOOP (a link where a file was asked for): nothing of that name to read
            throw new NoSuchFileException(pathInHome);
        }
    }

    /**
     * The folder at {@code pathInHome} as a tar, its own name first, as the engine's archive of a
     * container gives it: folders and regular files with their modes, no link followed or kept,
     * within the bounds of a listing. Written as it is read (a stream, not the whole in memory);
     * a folder that is not there, or is a link, is a {@link NoSuchFileException} at once.
     */
    InputStream tarOf(String pathInHome) throws IOException {
        List<String> names = namesOf(pathInHome);
        SecureDirectoryStream<Path> folder = folderAt(names, pathInHome);
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        SecureDirectoryStream<Path> top = folder;
        Thread.ofVirtual().name("home-tar").start(() -> {
            try (top; out; TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                TarArchiveEntry self = new TarArchiveEntry(names.getLast() + "/");
                self.setMode(040755);
                tar.putArchiveEntry(self);
                tar.closeArchiveEntry();
                new Tarring(tar).walk(top, names.getLast() + "/", 0);
            } catch (IOException readerGoneOrHomeTooLarge) {
                // The reader closed the stream, or the bounds were passed: the tar ends short, which its reader sees.
            }
        });
        return in;
    }

    /**
     * The folder these names lead to from the home, each opened from the one before it without
     * following a link; a link or anything but a folder on the way is a {@link NoSuchFileException}.
     */
    private SecureDirectoryStream<Path> folderAt(List<String> names, String pathInHome) throws IOException {
        SecureDirectoryStream<Path> folder = open(root);
        try {
            for (String name : names) {
                SecureDirectoryStream<Path> inner = folder.newDirectoryStream(Path.of(name), NOFOLLOW_LINKS);
                folder.close();
                folder = inner;
            }
            return folder;
        } catch (NoSuchFileException missing) {
            folder.close();
            throw missing;
        } catch (FileSystemException linkOrNotAFolder) {
            // ELOOP (a link where a folder was asked for), ENOTDIR: no folder of that name
            folder.close();
            throw new NoSuchFileException(pathInHome);
        }
    }

    /** rwxr-x--- as 0750: each permission a bit, in the order the enum names them. */
    private static int modeOf(Set<java.nio.file.attribute.PosixFilePermission> permissions) {
        int mode = 0;
        for (var permission : permissions) mode |= 1 << (8 - permission.ordinal());
        return mode;
    }

    private static List<String> namesOf(String pathInHome) throws NoSuchFileException {
        List<String> names = List.of(pathInHome.split("/", -1));
        if (names.stream().anyMatch(name -> name.isEmpty() || name.equals(".") || name.equals(".."))) {
            throw new NoSuchFileException(pathInHome);
        }
        return names;
    }

    private static SecureDirectoryStream<Path> open(Path folder) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(folder);
        if (stream instanceof SecureDirectoryStream<Path> secure) return secure;
        stream.close();
        throw new IOException("this system cannot open folders without following links");
    }

    /** Writes a folder's folders and regular files into the tar, the same bounds as a listing's. */
    private static final class Tarring {
        final TarArchiveOutputStream tar;
        int looked;

        Tarring(TarArchiveOutputStream tar) {
            this.tar = tar;
        }

        void walk(SecureDirectoryStream<Path> folder, String prefix, int depth) throws IOException {
            for (Path entry : folder) {
                if (++looked > MOST_NAMES) throw new IOException("more than " + MOST_NAMES + " names");
                Path name = entry.getFileName();
                PosixFileAttributes attributes;
                try {
                    attributes = folder.getFileAttributeView(name, PosixFileAttributeView.class, NOFOLLOW_LINKS).readAttributes();
                } catch (FileSystemException gone) {
                    continue;
                }
                int mode = modeOf(attributes.permissions());
                if (attributes.isDirectory()) {
                    if (depth + 1 >= DEEPEST) throw new IOException("deeper than " + DEEPEST + " folders");
                    SecureDirectoryStream<Path> inner;
                    try {
                        inner = folder.newDirectoryStream(name, NOFOLLOW_LINKS);
                    } catch (FileSystemException swappedOrGone) {
                        continue;
                    }
                    TarArchiveEntry dir = new TarArchiveEntry(prefix + name + "/");
                    dir.setMode(040000 | mode);
                    dir.setModTime(attributes.lastModifiedTime().toMillis());
                    tar.putArchiveEntry(dir);
                    tar.closeArchiveEntry();
                    try (inner) {
                        walk(inner, prefix + name + "/", depth + 1);
                    }
                } else if (attributes.isRegularFile()) {
                    file(folder, name, prefix + name, attributes, mode);
                }
            }
        }

        /** A file as large as it was looked at: one that grew is cut there, one that shrank is filled with zeros. */
        private void file(SecureDirectoryStream<Path> folder, Path name, String path, PosixFileAttributes attributes, int mode)
                throws IOException {
            SeekableByteChannel file;
            try {
                file = folder.newByteChannel(name, Set.of(StandardOpenOption.READ, NOFOLLOW_LINKS));
            } catch (FileSystemException swappedOrGone) {
                return;
            }
            try (file) {
                TarArchiveEntry entry = new TarArchiveEntry(path);
                entry.setMode(0100000 | mode);
                entry.setSize(attributes.size());
                entry.setModTime(attributes.lastModifiedTime().toMillis());
                tar.putArchiveEntry(entry);
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                long left = attributes.size();
                while (left > 0) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), left));
                    int read = file.read(buffer);
                    if (read < 0) {
                        java.util.Arrays.fill(buffer.array(), 0, buffer.limit(), (byte) 0);
                        read = buffer.limit();
                    }
                    tar.write(buffer.array(), 0, read);
                    left -= read;
                }
                tar.closeArchiveEntry();
            }
        }
    }

    private static final class Listing {
        final String suffix;
        final int most;
        final List<HomeFile> files = new ArrayList<>();
        int looked;
        boolean cut;

        Listing(String suffix, int most) {
            this.suffix = suffix;
            this.most = most;
        }

        void walk(SecureDirectoryStream<Path> folder, String prefix, int depth) throws IOException {
            for (Path entry : folder) {
                if (cut) return;
                Path name = entry.getFileName();
                String text = name.toString();
                if (text.startsWith(".")) continue;
                if (++looked > MOST_NAMES) {
                    cut = true;
                    return;
                }
                BasicFileAttributes attributes;
                try {
                    attributes = folder.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW_LINKS).readAttributes();
                } catch (FileSystemException gone) {
                    continue;
                }
                if (attributes.isDirectory()) {
                    if (depth + 1 >= DEEPEST) {
                        cut = true;
                        return;
                    }
                    SecureDirectoryStream<Path> inner;
                    try {
                        inner = folder.newDirectoryStream(name, NOFOLLOW_LINKS);
                    } catch (FileSystemException swappedOrGone) {
                        continue; // made a link, or removed, since it was looked at
                    }
                    try (inner) {
                        walk(inner, prefix + text + "/", depth + 1);
                    }
                } else if (attributes.isRegularFile() && text.endsWith(suffix)) {
                    if (files.size() == most) {
                        cut = true;
                        return;
                    }
                    files.add(new HomeFile(prefix + text, attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
            }
        }
    }
}

package org.learnbox.bridge.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.learnbox.bridge.config.LearnboxProperties;
import org.learnbox.bridge.identity.AccountRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each live app runs, kept on the bridge's data volume (a folder per app: its manifest and a
 * tar of its files), so that a box restored from a backup, whose images are not in it, builds the
 * app again. Written when a publish or a release succeeds; gone when the app is unpublished or
 * taken down, or its owner's account removed.
 */
@Component
class AppSources {
    private static final Logger log = LoggerFactory.getLogger(AppSources.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String MANIFEST = "manifest.json";
    private static final String FILES = "files.tar";

    /** An app as it was kept: whose, how it runs, its files. */
    record Kept(String user, AppManifest manifest, AppFiles files) {}

    private final Path folder;
    private final long maxBytes;

    AppSources(LearnboxProperties properties) {
        this.folder = Path.of(properties.apps().sources());
        this.maxBytes = properties.apps().maxSize().toBytes();
    }

    /** Keeps what the app runs now. The app runs either way: a keep that fails (a full disk) is logged, and counts from its next publish. */
    void keep(String user, AppManifest manifest, AppFiles files) {
        Path app = folder.resolve(user).resolve(manifest.name());
        try {
            Files.createDirectories(app);
            write(app.resolve(FILES), files.asTar());
            write(app.resolve(MANIFEST), JSON.writeValueAsBytes(manifest));
        } catch (IOException | RuntimeException e) {
            log.warn("the files of app {} of {} could not be kept, so a restore will not bring it back: {}", manifest.name(), user, e.toString());
        }
    }

    void forget(String user, String name) {
        delete(folder.resolve(user).resolve(name));
    }

    @EventListener
    void onAccountRemoved(AccountRemoved removed) {
        delete(folder.resolve(removed.name()));
    }

    /** Every kept app; one that cannot be read is named in the log and passed over. */
    List<Kept> all() {
        List<Kept> kept = new ArrayList<>();
        if (!Files.isDirectory(folder)) return kept;
        try (Stream<Path> apps = Files.find(folder, 2, (path, attributes) -> attributes.isDirectory() && path.getNameCount() == folder.getNameCount() + 2)) {
            for (Path app : apps.sorted().toList()) {
                String user = app.getParent().getFileName().toString();
                try (InputStream tar = Files.newInputStream(app.resolve(FILES))) {
                    AppManifest manifest = JSON.readValue(app.resolve(MANIFEST).toFile(), AppManifest.class);
                    kept.add(new Kept(user, manifest, AppFiles.fromFolderTar(tar, manifest.name(), maxBytes)));
                } catch (IOException | RuntimeException unreadable) {
                    log.warn("the kept app {} cannot be read, so it is not built again: {}", app, unreadable.toString());
                }
            }
        } catch (IOException e) {
            log.warn("the kept apps in {} cannot be listed: {}", folder, e.toString());
        }
        return kept;
    }

    /** Written beside, then moved into place: a crash leaves the old file or the new, never half of one. */
    private static void write(Path target, byte[] content) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.write(partial, content);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void delete(Path path) {
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            log.warn("{} could not be removed: {}", path, e.toString());
        }
    }
}

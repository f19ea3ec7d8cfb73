package org.learnbox.kernel;

import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

import java.nio.file.Path;
import java.util.List;

/**
 * Finds an artifact and its runtime dependencies the way Maven does: in the local repository first, then in the
 * remote one, keeping what it downloads in the local repository. Once a release is there, it resolves with no
 * network at all (a classroom with a flaky connection, or none).
 */
final class MavenResolver {

    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private final RemoteRepository remote;
    private RepositorySystem system;

    MavenResolver(Path localRepository, String remoteUrl) {
        this.localRepository = localRepository;
        this.remote = new RemoteRepository.Builder("central", "default", remoteUrl).build();
    }

    /** The learner's own cache, {@code ~/.m2/repository}, and Maven Central. */
    static MavenResolver forUser() {
        return new MavenResolver(Path.of(System.getProperty("user.home"), ".m2", "repository"), CENTRAL);
    }

    Path localRepository() {
        return localRepository;
    }

    /**
     * The jars of {@code group:artifact[:extension[:classifier]]:version} and of what it needs at run time.
     *
     * @throws IllegalArgumentException when the coordinates are not coordinates, or nothing could be resolved
     */
    synchronized List<Path> resolve(String coordinates) {
        Artifact artifact;
        try {
            artifact = new DefaultArtifact(coordinates);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + coordinates
                    + "' are not Maven coordinates: write group:artifact:version, e.g. "
                    + "org.apache.commons:commons-lang3:3.17.0");
        }
        try {
            // the cache alone first: no network for what is already there, and it works offline
            return resolve(artifact, true);
        } catch (DependencyResolutionException notCached) {
            try {
                return resolve(artifact, false);
            } catch (DependencyResolutionException e) {
                throw new IllegalArgumentException("Cannot resolve " + coordinates + " from " + remote.getUrl()
                        + " or from " + localRepository + ": " + rootMessage(e));
            }
        }
    }

    private List<Path> resolve(Artifact artifact, boolean offline) throws DependencyResolutionException {
        try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system()).get()
                .withLocalRepositoryBaseDirectories(localRepository)
                .setSystemProperties(System.getProperties())
                .setOffline(offline)
                .build()) {
            CollectRequest collect = new CollectRequest(new Dependency(artifact, JavaScopes.RUNTIME), List.of(remote));
            DependencyRequest request = new DependencyRequest(collect,
                    DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            return system().resolveDependencies(session, request).getArtifactResults().stream()
                    .map(ArtifactResult::getArtifact)
                    .map(Artifact::getPath)
                    .toList();
        }
    }

    private RepositorySystem system() {
        if (system == null) {
            system = new RepositorySystemSupplier().get();
        }
        return system;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }
}

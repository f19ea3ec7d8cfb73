package org.learnbox.bridge.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.learnbox.bridge.config.LearnboxProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate authorities of a school whose network inspects TLS, trusted inside every
 * container that runs learners' code (sandboxes, builds, live apps): from the PEM files the admin gives (the compose file mounts them), the bridge makes
 * the usual trust plus the school's, as a PEM bundle and a Java trust store, in a volume that
 * those containers mount read-only over their image's own trust folder, where the system's trust
 * points (so OpenSSL, curl, git, Python and Java use it with no setting); the environment points
 * what keeps a bundle of its own (pip, requests, Node) at it too. Without such files nothing is
 * added. Read once, when the bridge is ready (a file added later counts from the next start).
 */
@org.springframework.stereotype.Component
public class SchoolTrust {
    private static final Logger log = LoggerFactory.getLogger(SchoolTrust.class);
    static final String FOLDER = "/etc/learnbox-trust";
    private static final String BUNDLE = FOLDER + "/ca-certificates.crt";
    private static final String SCHOOL = FOLDER + "/school.pem";
    private static final String STORE_PASSWORD = "changeit";
    private static final Path SYSTEM_BUNDLE = Path.of("/etc/ssl/certs/ca-certificates.crt");

    /** What a container gets: the volume, and where its environment looks. */
    public record Given(Mount mount, Map<String, String> env) {
        /** The environment as Docker takes it, NAME=value. */
        public List<String> envLines() {
            return env.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue()).toList();
        }
    }

    private final DockerClient docker;
    private final String box;
    private final String image;
    private final Path certificates;
    private volatile Given given;
    private volatile boolean read;

    public SchoolTrust(DockerClient docker, LearnboxProperties properties, TrustSettings settings) {
        this.docker = docker;
        this.box = properties.box();
        this.image = properties.sandbox().image();
        this.certificates = Path.of(settings.certificates());
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void readAtStart() {
        given();
    }

    /** The mount and environment for a container of learners' code, or null when the school gave no certificates. */
    public Given given() {
        if (!read) {
            synchronized (this) {
                if (!read) {
                    given = make();
                    read = true;
                }
            }
        }
        return given;
    }

    private Given make() {
        List<X509Certificate> school = read(certificates);
        if (school.isEmpty()) return null;
        try {
            String schoolPem = pem(school);
            String bundle = (Files.exists(SYSTEM_BUNDLE) ? Files.readString(SYSTEM_BUNDLE) : "") + "\n" + schoolPem;
            // JKS: Java reads its default trust store without a password, which a PKCS12 store's encrypted certificates would need.
            KeyStore store = KeyStore.getInstance("JKS");
            store.load(null, null);
            KeyStore usual = usualJavaTrust();
            for (String alias : java.util.Collections.list(usual.aliases())) {
                if (usual.isCertificateEntry(alias)) store.setCertificateEntry(alias, usual.getCertificate(alias));
            }
            for (int i = 0; i < school.size(); i++) store.setCertificateEntry("learnbox-school-" + i, school.get(i));
            ByteArrayOutputStream javaStore = new ByteArrayOutputStream();
            store.store(javaStore, STORE_PASSWORD.toCharArray());
            String volume = box + "-trust";
            writeVolume(volume, Map.of("ca-certificates.crt", bundle.getBytes(StandardCharsets.US_ASCII),
                    "school.pem", schoolPem.getBytes(StandardCharsets.US_ASCII), "cacerts", javaStore.toByteArray()));
            log.info("sandboxes, builds and apps trust {} certificate(s) of the school beside the usual ones", school.size());
            return new Given(new Mount().withType(MountType.VOLUME).withSource(volume).withTarget(FOLDER).withReadOnly(true),
                    Map.of("REQUESTS_CA_BUNDLE", BUNDLE, "PIP_CERT", BUNDLE, "NODE_EXTRA_CA_CERTS", SCHOOL));
        } catch (IOException | GeneralSecurityException e) {
            log.warn("the school's certificates could not be given to sandboxes, builds and apps: {}", e.getMessage());
            return null;
        }
    }

    /** Every certificate in the folder's PEM files; a file that holds none is named in the log and passed over. */
    static List<X509Certificate> read(Path folder) {
        List<X509Certificate> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) return found;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).filter(SchoolTrust::isPem).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    var certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
                    for (Certificate certificate : certificates) found.add((X509Certificate) certificate);
                    if (certificates.isEmpty()) log.warn("{} holds no certificate; passed over", file);
                } catch (GeneralSecurityException | IOException notOne) {
                    log.warn("{} is not a PEM certificate ({}); passed over", file, notOne.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("the school's certificates in {} could not be read: {}", folder, e.getMessage());
        }
        return found;
    }

    private static boolean isPem(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".crt") || name.endsWith(".pem");
    }

    static String pem(List<X509Certificate> certificates) throws GeneralSecurityException {
        StringBuilder text = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : certificates) {
            text.append("# ").append(certificate.getSubjectX500Principal().getName()).append('\n')
                    .append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(certificate.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return text.toString();
    }

    /** The JRE's own trust store (Debian's: every usual authority). */
    private static KeyStore usualJavaTrust() throws IOException, GeneralSecurityException {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        return KeyStore.getInstance(cacerts.toFile(), STORE_PASSWORD.toCharArray());
    }

    /** The files into the volume, made when missing. */
    private void writeVolume(String volume, Map<String, byte[]> files) throws IOException {
        try {
            docker.inspectVolumeCmd(volume).exec();
        } catch (NotFoundException missing) {
            docker.createVolumeCmd().withName(volume).withLabels(Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "trust")).exec();
        }
        VolumeWrites.write(docker, image, volume, FOLDER, FOLDER, Map.of(ContainerLabels.BOX, box, ContainerLabels.ROLE, "trust-copy"),
                new ByteArrayInputStream(VolumeWrites.tarOf(files, 0644)));
    }
}

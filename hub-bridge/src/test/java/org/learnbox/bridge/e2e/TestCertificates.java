package org.learnbox.bridge.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Certificate authorities of the tests' own making, with openssl: the "school's", which the test
 * box is given to trust (beside the machine's own, as ./box would give), and a stranger's; each
 * signs a server certificate for host.docker.internal, as a sandbox reaches this machine.
 */
final class TestCertificates {
    static final Path ROOT = RunningBox.projectRoot().resolve("hub-bridge/target/test-certificates");
    /** The folder the test box trusts: the school's authority and the machine's own. */
    static final Path TRUSTED = ROOT.resolve("trusted");

    private TestCertificates() {}

    /** Makes both authorities and their servers' certificates once per run. */
    static synchronized Path trustedFolder() {
        if (Files.exists(TRUSTED.resolve("school-ca.crt"))) return TRUSTED;
        try {
            Files.createDirectories(TRUSTED);
            Shell shell = new Shell(ROOT, Map.of());
            for (String who : new String[] {"school", "stranger"}) {
                shell.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "3", "-keyout", who + "-ca.key",
                        "-out", who + "-ca.crt", "-subj", "/CN=LearnBox test " + who + " CA",
                        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign").requireSuccess();
                shell.run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", who + "-server.key", "-out", who + "-server.csr",
                        "-subj", "/CN=host.docker.internal").requireSuccess();
                Files.writeString(ROOT.resolve("server.ext"),
                        "subjectAltName=DNS:host.docker.internal\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
                shell.run("openssl", "x509", "-req", "-in", who + "-server.csr", "-CA", who + "-ca.crt", "-CAkey", who + "-ca.key",
                        "-CAcreateserial", "-days", "3", "-extfile", "server.ext", "-out", who + "-server.crt").requireSuccess();
            }
            Path machine = Path.of("/usr/local/share/ca-certificates");
            if (Files.isDirectory(machine)) {
                try (Stream<Path> own = Files.list(machine)) {
                    for (Path certificate : own.filter(p -> p.toString().endsWith(".crt")).toList()) {
                        Files.copy(certificate, TRUSTED.resolve("machine-" + certificate.getFileName()));
                    }
                }
            }
            Files.copy(ROOT.resolve("school-ca.crt"), TRUSTED.resolve("school-ca.crt"));
            Files.writeString(TRUSTED.resolve("notes.pem"), "not a certificate: the box passes it over\n");
            return TRUSTED;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path serverCertificate(String who) {
        return ROOT.resolve(who + "-server.crt");
    }

    static Path serverKey(String who) {
        return ROOT.resolve(who + "-server.key");
    }
}

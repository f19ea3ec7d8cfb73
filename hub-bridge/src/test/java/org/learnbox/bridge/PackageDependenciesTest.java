package org.learnbox.bridge;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: config is what every feature stands on, and no packages lean on each other in a circle. */
class PackageDependenciesTest {
    private static final JavaClasses BRIDGE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.learnbox.bridge");

    @Test
    void configImportsNoFeature() {
        noClasses().that().resideInAPackage("org.learnbox.bridge.config..")
                .should().dependOnClassesThat(resideInAPackage("org.learnbox.bridge..").and(not(resideInAPackage("org.learnbox.bridge.config.."))))
                .check(BRIDGE);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("org.learnbox.bridge.(*)..").should().beFreeOfCycles().check(BRIDGE);
    }

    /**
     * Docker is known only to the runtime classes: the engine's helpers (package docker) and the
     * Docker implementations of the features' seams (DockerSandboxRuntime, DockerAppRuntime, ...).
     * Another engine (Swarm, Kubernetes) is then one class per seam.
     */
    @Test
    void dockerIsKnownOnlyToTheRuntimeClasses() {
        noClasses().that().resideOutsideOfPackage("org.learnbox.bridge.docker..").and().haveNameNotMatching(".*\\.Docker[^.]*")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .check(BRIDGE);
    }
}

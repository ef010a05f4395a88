package io.quotah.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;

/**
 * The structural rules every service keeps, as ArchUnit checks: a service depends on no other service's
 * code (only shared-contracts and the platform are shared), and its feature packages form no cycles.
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("gateway", "auth", "poller", "analytics", "alert",
            "notification");

    private ServiceArchitecture() {
    }

    /** Checks the service whose root package is {@code io.quotah.<service>}; throws with every violation. */
    public static void check(String service) {
        String root = "io.quotah." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        String[] otherServices = SERVICES.stream()
                .filter(other -> !other.equals(service))
                .map(other -> "io.quotah." + other + "..")
                .toArray(String[]::new);

        noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(otherServices)
                .because("services meet on Kafka, never in each other's code")
                .check(classes);

        slices().matching(root + ".(*)..")
                .should().beFreeOfCycles()
                .because("a feature that needs another uses its public face; the two never need each other")
                .allowEmptyShould(true)
                .check(classes);

        noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quotah.testkit..")
                .because("the test kit is for tests")
                .check(classes);
    }
}

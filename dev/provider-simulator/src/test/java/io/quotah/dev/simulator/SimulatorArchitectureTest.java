package io.quotah.dev.simulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The simulator's structure, stated as rules: features by package, no cycles, providers apart, no Spring. */
@AnalyzeClasses(packages = "io.quotah.dev.simulator", importOptions = ImportOption.DoNotIncludeTests.class)
class SimulatorArchitectureTest {

    @ArchTest
    static final ArchRule feature_packages_do_not_depend_on_each_other_in_cycles =
            slices().matching("io.quotah.dev.simulator.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule anthropic_does_not_reach_into_openai =
            noClasses().that().resideInAPackage("..simulator.anthropic..")
                    .should().dependOnClassesThat().resideInAPackage("..simulator.openai..");

    @ArchTest
    static final ArchRule openai_does_not_reach_into_anthropic =
            noClasses().that().resideInAPackage("..simulator.openai..")
                    .should().dependOnClassesThat().resideInAPackage("..simulator.anthropic..");

    @ArchTest
    static final ArchRule only_the_entry_points_know_the_entry_points =
            noClasses().that().resideOutsideOfPackage("io.quotah.dev.simulator")
                    .should().dependOnClassesThat().resideInAPackage("io.quotah.dev.simulator");

    @ArchTest
    static final ArchRule no_spring_so_it_starts_in_a_blink =
            noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");
}

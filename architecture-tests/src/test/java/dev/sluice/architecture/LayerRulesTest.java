package dev.sluice.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The hexagon's rules (STYLE.md L1, L10, L11), checked on the production classes of every module. */
class LayerRulesTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sluice");

    /** One test per rule field below, named after the field, so a report says which rule broke. */
    @TestFactory
    Stream<DynamicTest> everyRuleHolds() {
        return Arrays.stream(LayerRulesTest.class.getDeclaredFields())
                .filter(f -> ArchRule.class.isAssignableFrom(f.getType()))
                .map(f -> DynamicTest.dynamicTest(f.getName(), () -> ((ArchRule) f.get(null)).check(PRODUCTION)));
    }

    @Test
    void theImportSeesEveryModule() {
        for (String pkg : new String[] {"dev.sluice.domain", "dev.sluice.application", "dev.sluice.adapters.config",
                "dev.sluice.adapters.http.in", "dev.sluice.adapters.http.out", "dev.sluice.bootstrap", "dev.sluice.simulator"}) {
            org.assertj.core.api.Assertions.assertThat(PRODUCTION.containPackage(pkg)).as(pkg).isTrue();
        }
    }

    static final ArchRule domain_uses_only_the_jdk = classes().that().resideInAPackage("dev.sluice.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.sluice.domain..")
            .because("the domain is pure Java: no framework type may leak into routing and health decisions");

    static final ArchRule application_uses_only_the_domain_the_jdk_and_slf4j = classes()
            .that().resideInAPackage("dev.sluice.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.slf4j..", "dev.sluice.domain..", "dev.sluice.application..")
            .because("use cases speak domain types through ports; Jetty, Jackson and Guice stay in adapters");

    static final ArchRule domain_and_application_carry_no_injection_annotations = noClasses()
            .that().resideInAnyPackage("dev.sluice.domain..", "dev.sluice.application..")
            .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..", "javax.inject..")
            .because("bootstrap builds use cases with plain new in @Provides methods (STYLE L11)");

    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("dev.sluice.adapters.(*)..").should().notDependOnEachOther()
            .because("each adapter talks to the application through ports, never to another adapter");

    static final ArchRule config_adapter_does_not_reach_http = noClasses().that().resideInAPackage("dev.sluice.adapters.config..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sluice.adapters.http..", "org.eclipse.jetty..")
            .because("reading YAML has nothing to do with HTTP");

    static final ArchRule nothing_depends_on_bootstrap = noClasses().that().resideOutsideOfPackage("dev.sluice.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.sluice.bootstrap..")
            .because("bootstrap assembles the others; arrows point into it, never out of it");

    static final ArchRule production_code_does_not_use_the_simulator = noClasses()
            .that().resideOutsideOfPackage("dev.sluice.simulator..")
            .should().dependOnClassesThat().resideInAPackage("dev.sluice.simulator..")
            .because("the simulator is a test and demo tool, not part of the proxy");

    static final ArchRule packages_are_free_of_cycles = slices().matching("dev.sluice.(**)").should().beFreeOfCycles()
            .because("a cycle makes two packages one unit that can only change together");

    static final ArchRule no_field_injection = noFields().should().beAnnotatedWith("com.google.inject.Inject")
            .orShould().beAnnotatedWith("jakarta.inject.Inject")
            .because("constructor injection keeps dependencies visible and objects complete (STYLE L10)");

    static final ArchRule nobody_prints_to_standard_streams = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.sluice.bootstrap.Main")
            .and().doNotHaveFullyQualifiedName("dev.sluice.simulator.SimulatorMain")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("output goes through the logger, so it obeys logging.level, format and output");

    static final ArchRule ports_are_interfaces_in_port_packages = classes()
            .that().resideInAnyPackage("dev.sluice.application.port.in..", "dev.sluice.application.port.out..")
            .and().areNotAssignableTo(Throwable.class)
            .and().areTopLevelClasses()
            .should().beInterfaces()
            .because("a port is a contract adapters implement, named by what it does (STYLE L2); values it returns may nest in it");
}

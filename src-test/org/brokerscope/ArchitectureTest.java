package org.brokerscope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the picture in HOUSE_STYLE.md true: layers only look down, JavaFX stays in the UI, and the
 * domain is plain Java. Runs on the main classes only; tests may reach anywhere.
 */
class ArchitectureTest {
    private static final String ROOT = "org.brokerscope";
    private static final String DOMAIN = ROOT + ".domain..";
    private static final String MQTT = ROOT + ".mqtt..";
    private static final String UI = ROOT + ".ui..";
    private static final String[] BELOW_UI = {DOMAIN, MQTT, ROOT + ".broker..", ROOT + ".sim..",
        ROOT + ".ingest..", ROOT + ".settings..", ROOT + ".cli..", ROOT + ".graph.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void theImportSeesTheMainClassesAndNoTests() {
        // Guards every rule below against passing on an empty or wrong import.
        assertTrue(main.contain(org.brokerscope.domain.TopicTree.class));
        assertTrue(main.contain(AppServices.class));
        assertTrue(main.stream().noneMatch(c -> c.getSimpleName().endsWith("Test")), "test classes were imported");
    }

    @Test
    void theDomainUsesOnlyTheJdk() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
                .because("the domain is plain Java: no JavaFX, Paho, Jackson or HiveMQ")
                .check(main);
    }

    @Test
    void theMqttLayerDoesNotUseJavaFx() {
        noClasses().that().resideInAPackage(MQTT)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(main);
    }

    @Test
    void domainAndMqttDoNotUseJacksonOrJavaFx() {
        noClasses().that().resideInAnyPackage(DOMAIN, MQTT)
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "javafx..")
                .because("JSON belongs to settings and rendering to the UI")
                .check(main);
    }

    @Test
    void nothingBelowTheUiUsesTheUi() {
        noClasses().that().resideInAnyPackage(BELOW_UI)
                .should().dependOnClassesThat().resideInAPackage(UI)
                .check(main);
    }

    @Test
    void onlyTheUiAndTheTopLevelWiringUseJavaFx() {
        noClasses().that().resideOutsideOfPackages(UI, ROOT)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("Main, BrokerscopeApp and AppServices wire the app; views live in ui")
                .check(main);
    }

    @Test
    void layersOnlyLookDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy(ROOT)
                .optionalLayer("Ui").definedBy(UI)
                .optionalLayer("Cli").definedBy(ROOT + ".cli..")
                .layer("Settings").definedBy(ROOT + ".settings..")
                .layer("Ingest").definedBy(ROOT + ".ingest..")
                .layer("Sim").definedBy(ROOT + ".sim..")
                .layer("Broker").definedBy(ROOT + ".broker..")
                .layer("Mqtt").definedBy(MQTT)
                .layer("Domain").definedBy(DOMAIN)
                .whereLayer("Domain").mayNotAccessAnyLayer()
                .whereLayer("Mqtt").mayOnlyAccessLayers("Domain")
                .whereLayer("Broker").mayOnlyAccessLayers("Domain")
                // A virtual sensor owns a connection; the ingest pipeline is the connections' message sink.
                .whereLayer("Sim").mayOnlyAccessLayers("Domain", "Mqtt")
                .whereLayer("Ingest").mayOnlyAccessLayers("Domain", "Mqtt")
                .whereLayer("Settings").mayOnlyAccessLayers("Domain")
                // BrokerscopeApp shows the views; views read AppServices and AppStatus; headless commands reuse them.
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("App").mayOnlyBeAccessedByLayers("Ui", "Cli")
                .check(main);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(main);
    }
}

package cn.emall;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules stay readable and testable without the web or the database, and the capabilities depend
 * on each other without cycles (STYLE.md). Who may write which table: {@link TableOwnershipTest}.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.emall");

    @Test
    void capabilitiesDependOnEachOtherWithoutCycles() {
        slices().matching("cn.emall.(*)..").should().beFreeOfCycles()
                .because("what needs two capabilities sits above both (the go-live import), and what every "
                        + "capability shares sits below all of them (platform)")
                .check(MAIN);
    }

    @Test
    void modelPackagesDependOnNeitherWebNorDatabaseNorFramework() {
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.agroal..", "java.sql..", "io.vertx..", "org.jboss..")
                .check(MAIN);
    }

    @Test
    void modelPackagesDoNotReachIntoServices() {
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.emall.platform..", "cn.emall.audit..")
                .check(MAIN);
    }

    @Test
    void entitiesNeverLeaveThroughResources() {
        noMethods().that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Resource").and().arePublic()
                .should().haveRawReturnType(CanBeAnnotated.Predicates.annotatedWith(jakarta.persistence.Entity.class))
                .because("resources answer with records (views), never entities")
                .check(MAIN);
    }
}

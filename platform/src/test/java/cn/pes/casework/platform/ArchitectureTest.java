package cn.pes.casework.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The two sides share nothing but the message contract and the security module; neither of those depends on a side. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.pes.casework");

    @Test
    void commandSideDoesNotKnowTheQuerySide() {
        noClasses().that().resideInAPackage("cn.pes.casework.command..")
                .should().dependOnClassesThat().resideInAPackage("cn.pes.casework.query..")
                .check(classes);
    }

    @Test
    void querySideDoesNotKnowTheCommandSide() {
        noClasses().that().resideInAPackage("cn.pes.casework.query..")
                .should().dependOnClassesThat().resideInAPackage("cn.pes.casework.command..")
                .check(classes);
    }

    @Test
    void sharedEventsDependOnNeitherSideNorOnSpring() {
        noClasses().that().resideInAPackage("cn.pes.casework.events..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.pes.casework.command..",
                        "cn.pes.casework.query..", "org.springframework..", "com.fasterxml..")
                .check(classes);
    }

    @Test
    void theSecurityModuleServesBothSidesAndKnowsNeither() {
        noClasses().that().resideInAPackage("cn.pes.casework.security..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.pes.casework.command..",
                        "cn.pes.casework.query..", "cn.pes.casework.platform..")
                .check(classes);
    }

    @Test
    void pagesTalkToBothSidesOnlyThroughMessages() {
        noClasses().that().resideInAPackage("cn.pes.casework.web..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.pes.casework.command..",
                        "cn.pes.casework.query..")
                .check(classes);
    }

    @Test
    void theCaseTakesItsDatesFromCommandsNotFromAClock() {
        noClasses().that().resideInAPackage("cn.pes.casework.command.clientcase..")
                .should().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .check(classes);
    }

    @Test
    void aggregatesDoNotReadTheSystemClock() {
        noClasses().that().resideInAPackage("cn.pes.casework.command..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(classes);
    }
}

package org.leadcrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.SystemAuthentication;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

/** Keeps the packages honest: views go through services, and no package cycles. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.leadcrm");

    @Test
    void views_never_reach_repositories_or_sql() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcOperations.class)
                .orShould().dependOnClassesThat().areAssignableTo(NamedParameterJdbcOperations.class)
                .check(CLASSES);
    }

    @Test
    void services_and_domain_never_depend_on_views() {
        // (The security configuration names the login view, as Vaadin's security setup requires.)
        noClasses().that().resideInAnyPackage("org.leadcrm.base", "org.leadcrm.contact", "org.leadcrm.list",
                        "org.leadcrm.deletion", "org.leadcrm.audit", "org.leadcrm.demo")
                .should().dependOnClassesThat().resideInAPackage("org.leadcrm..ui..")
                .check(CLASSES);
    }

    @Test
    void only_start_up_and_sign_in_code_acts_as_the_system() {
        // Acting as the system skips every @PreAuthorize check: never on behalf of a user.
        noClasses().that().resideOutsideOfPackages("org.leadcrm.security", "org.leadcrm.demo")
                .should().dependOnClassesThat().areAssignableTo(SystemAuthentication.class)
                .check(CLASSES);
    }

    @Test
    void packages_have_no_cycles() {
        slices().matching("org.leadcrm.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}

package org.leadcrm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.leadcrm.contact.ContactCondition;
import org.leadcrm.deletion.ContactSelection;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.leadcrm.security.SystemAuthentication;
import com.vaadin.flow.router.Route;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the packages honest: views go through services, every service operation says who may call
 * it, SQL-carrying types are made only by their factories, and no package cycles.
 */
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
                        "org.leadcrm.deletion", "org.leadcrm.export", "org.leadcrm.audit", "org.leadcrm.demo",
                        "org.leadcrm.imports")
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

    /** Services, and the components of the feature packages that other features call, such as the deletion core. */
    private static final DescribedPredicate<JavaClass> SERVICES = DescribedPredicate.describe("a public service",
            type -> type.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)
                    && (type.isAnnotatedWith(Service.class)
                    || type.isAnnotatedWith(Component.class) && type.getPackageName().matches(
                            "org\\.leadcrm\\.(contact|list|deletion|audit|opportunity)")));

    @Test
    void every_public_service_method_says_who_may_call_it() {
        methods().that().arePublic().and().areDeclaredInClassesThat(SERVICES)
                .should(new ArchCondition<JavaMethod>("be guarded by @PreAuthorize on the method or its class") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean guarded = method.isAnnotatedWith(PreAuthorize.class)
                                || method.getOwner().isAnnotatedWith(PreAuthorize.class);
                        events.add(new SimpleConditionEvent(method, guarded, method.getFullName() + " has no @PreAuthorize"));
                    }
                })
                .check(CLASSES);
    }

    @Test
    void types_that_carry_sql_are_made_only_by_their_factories() {
        constructors().that().areDeclaredIn(ContactSelection.class).or().areDeclaredIn(ContactCondition.class)
                .should().bePrivate()
                .check(CLASSES);
    }

    @Test
    void repositories_are_used_only_inside_transactions() {
        classes().should(new ArchCondition<JavaClass>("call repositories only from @Transactional methods or classes") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                for (JavaMethodCall call : type.getMethodCallsFromSelf()) {
                    if (!call.getTargetOwner().isAssignableTo(Repository.class) || type.isAssignableTo(Repository.class)) {
                        continue;
                    }
                    boolean transactional = type.isAnnotatedWith(Transactional.class)
                            || type.getMethods().stream()
                                    .filter(method -> method.getName().equals(enclosingMethodName(call.getOrigin().getName())))
                                    .anyMatch(method -> method.isAnnotatedWith(Transactional.class));
                    events.add(new SimpleConditionEvent(call, transactional,
                            call.getDescription() + " is outside a transaction"));
                }
            }
        }).check(CLASSES);
    }

    /** The method a lambda was written in ({@code lambda$find$0} → {@code find}), or the method itself. */
    private static String enclosingMethodName(String name) {
        return name.startsWith("lambda$") ? name.split("\\$")[1] : name;
    }

    @Test
    void views_never_reach_the_database_by_any_type() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .orShould().dependOnClassesThat().resideInAPackage("java.sql..")
                .orShould().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
                .check(CLASSES);
    }

    @Test
    void views_are_package_private_but_the_sign_in_view_security_names() {
        classes().that().areAnnotatedWith(Route.class).and().doNotHaveSimpleName("LoginView")
                .should().notBePublic()
                .check(CLASSES);
    }
}

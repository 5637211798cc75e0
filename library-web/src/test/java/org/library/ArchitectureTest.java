package org.library;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateful;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionManagement;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import org.library.catalog.Book;
import org.library.members.Member;

/**
 * The layering the codebase is built on, checked on every build: the web module calls services
 * only, the services' EJB methods are the only transaction boundaries, the business components
 * depend on each other in one direction only, and entities know nothing above them.
 */
@AnalyzeClasses(packages = "org.library", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theWebModuleNeverTouchesAPersistenceContext = noClasses()
            .that().resideInAPackage("org.library.web..")
            .should().dependOnClassesThat().areAssignableTo(EntityManager.class)
            .orShould().dependOnClassesThat().areAssignableTo(EntityManagerFactory.class)
            .because("the web module calls services only; a page or a resource that writes an entity itself "
                    + "bypasses the service's rules and its transaction");

    @ArchTest
    static final ArchRule theWebModuleNeverCallsAnEntitysSetters = noClasses()
            .that().resideInAPackage("org.library.web..")
            .should().callMethodWhere(describe("a setter of an entity", (JavaMethodCall call) ->
                    call.getTargetOwner().isAnnotatedWith(Entity.class) && call.getName().startsWith("set")))
            .because("an entity changes through its service, inside the service's transaction");

    @ArchTest
    static final ArchRule onlyTheServicesOfTheBusinessComponentsAreEnterpriseBeans = classes()
            .that().areAnnotatedWith(Stateless.class).or().areAnnotatedWith(Singleton.class).or().areAnnotatedWith(Stateful.class)
            .should().resideOutsideOfPackage("org.library.web..")
            .because("the EJB service method is the transaction boundary, and the web module has no service of its own");

    @ArchTest
    static final ArchRule transactionsAreDeclaredOnEnterpriseBeansOnly = classes()
            .that().areAnnotatedWith(TransactionAttribute.class).or().areAnnotatedWith(TransactionManagement.class)
            .or().containAnyMethodsThat(describe("declare a transaction attribute",
                    method -> method.isAnnotatedWith(TransactionAttribute.class)))
            .should().beAnnotatedWith(Stateless.class).orShould().beAnnotatedWith(Singleton.class)
            .because("the EJB service method is the transaction boundary");

    @ArchTest
    static final ArchRule noCdiTransactionsAndNoHandMadeOnes = noClasses()
            .should().beAnnotatedWith(Transactional.class)
            .orShould().dependOnClassesThat().areAssignableTo(UserTransaction.class)
            .because("one kind of transaction boundary: the EJB service method");

    @ArchTest
    static final ArchRule noMethodIsACdiTransaction = noMethods().should().beAnnotatedWith(Transactional.class);

    /*
     * The one dependency allowed both ways: Member M:N Book is mapped on both sides, as the
     * textbook maps an association (the member owns borrows; the book's borrowers are its inverse
     * side, mappedBy), so catalog's Book and its service's borrowers list name members.Member.
     */
    @ArchTest
    static final ArchRule theBusinessComponentsDependOnEachOtherInOneDirectionOnly = slices()
            .matching("org.library.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage("org.library.catalog.."), describe("members.Member",
                    (JavaClass target) -> target.isEquivalentTo(Member.class)))
            .because("a component that depends on another both ways is one component in two packages");

    @ArchTest
    static final ArchRule theWebPackagesDependOnEachOtherInOneDirectionOnly = slices()
            .matching("org.library.web.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule entitiesDependOnNothingAboveThem = noClasses()
            .that().areAnnotatedWith(Entity.class)
            .should().dependOnClassesThat().areAnnotatedWith(Stateless.class)
            .orShould().dependOnClassesThat().areAnnotatedWith(Singleton.class)
            .orShould().dependOnClassesThat().resideInAPackage("org.library.web..")
            .orShould().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
            .orShould().dependOnClassesThat().resideInAPackage("jakarta.faces..")
            .because("an entity is the bottom of its component: services and front doors use it, never the other way");

    /** The exemption above is the mapping, nothing more: Book is the only entity of catalog that names a member. */
    @ArchTest
    static final ArchRule onlyBookAndItsServiceNameTheOtherEndOfBorrows = noClasses()
            .that().resideInAPackage("org.library.catalog..")
            .and().doNotHaveFullyQualifiedName(Book.class.getName())
            .and().doNotHaveFullyQualifiedName("org.library.catalog.CatalogService")
            .should().dependOnClassesThat().resideInAPackage("org.library.members..");
}

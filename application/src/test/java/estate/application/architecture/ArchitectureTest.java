package estate.application.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import estate.domain.complaints.CarePolicy;
import estate.domain.complaints.Complaint;
import estate.domain.complaints.ComplaintLookup;
import estate.domain.shared.Identifier;
import estate.domain.workorders.InspectionPlan;
import estate.domain.workorders.MaintenanceLookup;
import estate.domain.workorders.MaintenancePolicy;
import estate.domain.workorders.WorkOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries and the house rules that keep the domain pure. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("estate");
    }

    @Test
    void theDomainUsesNoSpringMongoWebOrOtherModule() {
        noClasses().that().resideInAPackage("estate.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "jakarta.servlet..", "jakarta.persistence..", "com.fasterxml.jackson..",
                        "estate.application..", "estate.api..", "estate.projections..")
                .check(classes);
    }

    @Test
    void theDomainNeverReadsTheClockOrMakesRandomIds() {
        noClasses().that().resideInAPackage("estate.domain..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(UUID.class, "randomUUID")
                .check(classes);
    }

    @Test
    void projectionsReadEventsNeverAggregatesApiOrApplication() {
        noClasses().that().resideInAPackage("estate.projections..")
                .should().dependOnClassesThat().resideInAnyPackage("estate.api..", "estate.application..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Aggregate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("estate.domain.owners.OwnerAccount")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("estate.domain.estates.Estate")
                .check(classes);
    }

    @Test
    void theApiTalksOnlyThroughTheGateways() {
        noClasses().that().resideInAPackage("estate.api..")
                .should().dependOnClassesThat().resideInAnyPackage("estate.application..",
                        "org.springframework.data..", "com.mongodb..", "org.springframework.jdbc..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Projection")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("estate.domain.owners.OwnerAccount")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("estate.domain.estates.Estate")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("estate.domain.owners.UnitTransferHandler")
                .check(classes);
    }

    @Test
    void contextsMeetOnlyThroughMessagesTheEstateRegistryKnowsNothingOfAccounts() {
        noClasses().that().resideInAPackage("estate.domain.estates..")
                .should().dependOnClassesThat().resideInAPackage("estate.domain.owners..")
                .check(classes);
    }

    @Test
    void workOrdersKnowOtherContextsOnlyByTheirIdentifiers() {
        noClasses().that().resideInAPackage("estate.domain.workorders..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("estate.domain.owners..",
                                "estate.domain.estates..", "estate.domain.billing..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(Identifier.class))))
                .check(classes);
    }

    @Test
    void noOtherContextKnowsWorkOrders() {
        noClasses().that().resideInAnyPackage("estate.domain..", "estate.projections..", "estate.api..")
                .and().resideOutsideOfPackages("estate.domain.workorders..", "estate.projections.workorders..",
                        "estate.api.workorders..")
                .should().dependOnClassesThat().resideInAnyPackage("estate.domain.workorders..",
                        "estate.projections.workorders..", "estate.api.workorders..")
                .check(classes);
    }

    @Test
    void workOrderReadModelsAndApiNeverSeeTheWorkOrderAggregates() {
        noClasses().that().resideInAnyPackage("estate.projections.workorders..", "estate.api.workorders..")
                .should().dependOnClassesThat().haveFullyQualifiedName(WorkOrder.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(MaintenancePolicy.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(InspectionPlan.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(MaintenanceLookup.class.getName())
                .check(classes);
    }

    @Test
    void theWorkOrderReadModelsReadOnlyWorkOrderEventsAndOtherContextsIdentifiers() {
        noClasses().that().resideInAPackage("estate.projections.workorders..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("estate.projections.owners..",
                        "estate.projections.estates..", "estate.projections.billing..", "estate.domain.owners..",
                        "estate.domain.estates..", "estate.domain.billing..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(Identifier.class))))
                .check(classes);
    }

    @Test
    void complaintsKnowOtherContextsOnlyByTheirIdentifiers() {
        noClasses().that().resideInAPackage("estate.domain.complaints..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("estate.domain.owners..",
                                "estate.domain.estates..", "estate.domain.billing..", "estate.domain.workorders..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(Identifier.class))))
                .check(classes);
    }

    @Test
    void noOtherContextKnowsComplaints() {
        noClasses().that().resideInAnyPackage("estate.domain..", "estate.projections..", "estate.api..")
                .and().resideOutsideOfPackages("estate.domain.complaints..", "estate.projections.complaints..",
                        "estate.api.complaints..")
                .should().dependOnClassesThat().resideInAnyPackage("estate.domain.complaints..",
                        "estate.projections.complaints..", "estate.api.complaints..")
                .check(classes);
    }

    @Test
    void complaintReadModelsAndApiNeverSeeTheComplaintAggregatesOrLookup() {
        noClasses().that().resideInAnyPackage("estate.projections.complaints..", "estate.api.complaints..")
                .should().dependOnClassesThat().haveFullyQualifiedName(Complaint.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(CarePolicy.class.getName())
                .orShould().dependOnClassesThat().haveFullyQualifiedName(ComplaintLookup.class.getName())
                .check(classes);
    }

    @Test
    void theComplaintReadModelsReadOnlyComplaintEventsAndOtherContextsIdentifiers() {
        noClasses().that().resideInAPackage("estate.projections.complaints..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("estate.projections.owners..",
                                "estate.projections.estates..", "estate.projections.billing..",
                                "estate.projections.workorders..", "estate.domain.owners..", "estate.domain.estates..",
                                "estate.domain.billing..", "estate.domain.workorders..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.assignableTo(Identifier.class))))
                .check(classes);
    }
}

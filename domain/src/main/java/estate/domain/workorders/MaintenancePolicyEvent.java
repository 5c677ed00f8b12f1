package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.shared.Money;
import org.axonframework.serialization.Revision;

/**
 * Events of an estate's maintenance policy. Released events are never renamed or moved: add a revision and an
 * upcaster. Who set them travels in the metadata.
 */
public sealed interface MaintenancePolicyEvent {

    EstateId estateId();

    /** Applies to orders triaged (or inspection rounds opened) from now on; running orders keep their terms. */
    @Revision("1")
    record ServiceTermsSet(EstateId estateId, ServiceTerms terms) implements MaintenancePolicyEvent {
    }

    @Revision("1")
    record MaintenanceBudgetSet(EstateId estateId, int year, Money amount) implements MaintenancePolicyEvent {
    }
}

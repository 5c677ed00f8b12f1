package estate.domain.complaints;

import estate.domain.estates.EstateId;
import org.axonframework.serialization.Revision;

/** Events of an estate's customer-care policy. Released events are never renamed or moved. */
public sealed interface CarePolicyEvent {

    EstateId estateId();

    /** Applies to complaints received from now on; open complaints keep their deadlines and policy. */
    @Revision("1")
    record CareTermsSet(EstateId estateId, CareTerms terms) implements CarePolicyEvent {
    }
}

package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

/**
 * The command-side lookup that work-order commands consult for what lies outside one aggregate: does the estate
 * exist (its currency and time zone), which estate a unit is in, and the estate's service terms. Kept in step with
 * the events in the transaction that stores them, never a read model.
 */
public interface MaintenanceLookup {

    Optional<EstateTerms> estate(EstateId estateId);

    Optional<EstateId> estateOfUnit(UnitId unitId);

    /** The terms the estate has set; empty when it has set none (then {@link ServiceTerms#DEFAULT} apply). */
    Optional<ServiceTerms> serviceTerms(EstateId estateId);

    /** What a work order needs to know of its estate: the currency costs are kept in and the estate's time zone. */
    record EstateTerms(EstateId estateId, Currency currency, ZoneId zoneId) {
    }
}

package estate.domain.owners;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

/**
 * The command-side lookup that owner-account commands consult for rules that span aggregates: does the
 * estate exist, is the unit in it, who holds it now. It is kept in step with the events in the same
 * transaction that stores them (never a read model), and a unique key on (unit, holder type) stops two
 * concurrent commands from both taking a unit.
 */
public interface UnitRegistry {

    Optional<EstateTerms> estate(EstateId estateId);

    Optional<EstateId> estateOfUnit(UnitId unitId);

    Optional<OwnerAccountId> holder(UnitId unitId, HolderType holderType);

    /** What an account needs to know of its estate: the currency its ledger keeps and the estate's time zone. */
    record EstateTerms(EstateId estateId, Currency currency, ZoneId zoneId) {
    }
}

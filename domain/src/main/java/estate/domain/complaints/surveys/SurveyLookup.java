package estate.domain.complaints.surveys;

import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The command-side lookup survey commands consult: the estate's time zone (its periods are local dates) and, for an
 * owner account, its estate and the buildings of the units it holds as owner. Kept in step with the events in the
 * transaction that stores them, never a read model.
 */
public interface SurveyLookup {

    Optional<ZoneId> zoneOf(EstateId estateId);

    /** The estate of an open owner account; empty for a tenant's or an unknown account. */
    Optional<EstateId> estateOfOwnerAccount(OwnerAccountId accountId);

    Set<BuildingId> buildingsOfAccount(OwnerAccountId accountId);
}

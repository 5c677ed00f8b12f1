package estate.domain.estates;

import java.util.Objects;
import java.util.Set;

/** Queries about the estate registry. */
public final class EstateQueries {

    private EstateQueries() {
    }

    /** Estates among {@code estateIds}; {@code null} means every estate. */
    public record FindEstates(Set<String> estateIds) {
    }

    public record GetEstate(EstateId estateId) {
        public GetEstate {
            Objects.requireNonNull(estateId, "estateId");
        }
    }

    public record FindUnits(EstateId estateId, BuildingId buildingId) {
        public FindUnits {
            Objects.requireNonNull(estateId, "estateId");
        }
    }
}

package estate.domain.billing;

import estate.domain.estates.EstateId;

import java.time.LocalDate;
import java.util.Objects;

/** Running the arrears assessment of a whole estate on demand (it also runs daily by itself). */
public final class ArrearsCommands {

    private ArrearsCommands() {
    }

    public record AssessEstateArrears(EstateId estateId, LocalDate asOf) {
        public AssessEstateArrears {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(asOf, "asOf");
        }
    }

    /** What a run did: the accounts it assessed through {@code asOf}. */
    public record ArrearsRunSummary(String estateId, LocalDate asOf, int accounts) {
    }
}

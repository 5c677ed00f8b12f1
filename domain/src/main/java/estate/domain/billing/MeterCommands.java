package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Commands on meters. */
public final class MeterCommands {

    private MeterCommands() {
    }

    /**
     * A meter reading. A reading lower than the previous one is refused unless {@code replacement} says the
     * meter was replaced (then the reading counts from zero).
     */
    public record RecordMeterReading(@TargetAggregateIdentifier MeterId meterId, EstateId estateId, UnitId unitId,
                                     String itemCode, BigDecimal reading, LocalDate readOn, boolean replacement) {
        public RecordMeterReading {
            Objects.requireNonNull(meterId, "meterId");
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(unitId, "unitId");
            itemCode = FeeScheduleCommands.checkItemCode(itemCode);
            Objects.requireNonNull(reading, "reading");
            Objects.requireNonNull(readOn, "readOn");
            if (!MeterId.of(unitId, itemCode).equals(meterId)) {
                throw new IllegalArgumentException("meterId must be the unit's meter for the item");
            }
        }
    }
}

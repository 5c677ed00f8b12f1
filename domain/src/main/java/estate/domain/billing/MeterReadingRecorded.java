package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A meter was read; {@code consumption} is what the bill run prices: reading − previous, the reading itself after
 * a replacement, zero for the first (baseline) reading, whose {@code previousReading} is null.
 */
@Revision("1")
public record MeterReadingRecorded(MeterId meterId, EstateId estateId, UnitId unitId, String itemCode,
                                   BigDecimal reading, BigDecimal previousReading, BigDecimal consumption,
                                   LocalDate readOn, boolean replacement) {
}

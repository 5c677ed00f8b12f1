package estate.domain.billing;

import estate.domain.billing.MeterCommands.RecordMeterReading;
import estate.domain.estates.EstateId;
import estate.domain.owners.UnitRegistry;
import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A unit's meter for one metered fee item: readings only go up, unless the meter was replaced. The first
 * reading is the baseline (consumption zero); each later one's consumption is what the bill run prices.
 */
public class Meter {

    @AggregateIdentifier
    private MeterId meterId;
    private BigDecimal lastReading;
    private LocalDate lastReadOn;

    protected Meter() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordMeterReading command, UnitRegistry registry) {
        EstateId estateOfUnit = registry.estateOfUnit(command.unitId()).orElseThrow(() ->
                DomainRuleViolation.notFound("unknown-unit", "Unit " + command.unitId() + " is not registered"));
        if (!estateOfUnit.equals(command.estateId())) {
            throw DomainRuleViolation.notFound("unknown-unit", "Unit " + command.unitId() + " is not in "
                    + command.estateId());
        }
        if (command.reading().signum() < 0 || command.reading().stripTrailingZeros().scale() > 3) {
            throw new DomainRuleViolation("invalid-reading", "A reading is non-negative with at most 3 decimals");
        }
        if (lastReadOn != null && command.readOn().isBefore(lastReadOn)) {
            throw DomainRuleViolation.conflict("reading-out-of-order",
                    "The last reading was taken on " + lastReadOn);
        }
        BigDecimal previous = lastReading;
        if (previous != null && !command.replacement() && command.reading().compareTo(previous) < 0) {
            throw new DomainRuleViolation("reading-below-previous", "The reading " + command.reading()
                    + " is below the previous " + previous + "; flag it as a meter replacement if the meter was changed");
        }
        // the first reading of a meter is its baseline; a new meter after a replacement counts from zero
        BigDecimal consumption = previous == null ? BigDecimal.ZERO
                : command.replacement() ? command.reading() : command.reading().subtract(previous);
        apply(new MeterReadingRecorded(command.meterId(), command.estateId(), command.unitId(), command.itemCode(),
                command.reading(), previous, consumption, command.readOn(), command.replacement()));
    }

    @EventSourcingHandler
    void on(MeterReadingRecorded event) {
        meterId = event.meterId();
        lastReading = event.reading();
        lastReadOn = event.readOn();
    }
}

package estate.domain.billing;

import estate.domain.billing.FeeScheduleCommands.DefineFeeItem;
import estate.domain.billing.FeeScheduleCommands.SetCollectionPolicy;
import estate.domain.billing.FeeScheduleCommands.SetFeeRate;
import estate.domain.billing.FeeScheduleEvent.CollectionPolicySet;
import estate.domain.billing.FeeScheduleEvent.FeeItemDefined;
import estate.domain.billing.FeeScheduleEvent.FeeRateSet;
import estate.domain.estates.EstateId;
import estate.domain.owners.UnitRegistry;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The fee schedule (收费标准) of one estate: fee items with their rate history, and the collection policy
 * (due day, grace days, late fee rate and cap). Created by its first command.
 */
public class FeeSchedule {

    @AggregateIdentifier
    private FeeScheduleId scheduleId;
    private EstateId estateId;
    private Currency currency;
    private Map<String, FeeItem> items = new LinkedHashMap<>();
    private CollectionPolicy policy = CollectionPolicy.DEFAULT;

    protected FeeSchedule() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineFeeItem command, UnitRegistry registry) {
        Currency estateCurrency = registry.estate(command.estateId()).orElseThrow(() -> DomainRuleViolation.notFound(
                "unknown-estate", "Estate " + command.estateId() + " is not registered")).currency();
        if (!FeeScheduleId.of(command.estateId()).equals(command.scheduleId())) {
            throw new DomainRuleViolation("schedule-of-other-estate", "The schedule id does not match the estate");
        }
        if (items.containsKey(command.itemCode())) {
            throw DomainRuleViolation.conflict("duplicate-fee-item", "Fee item " + command.itemCode() + " exists");
        }
        if (scheduleId == null) {
            apply(new CollectionPolicySet(command.scheduleId(), command.estateId(), CollectionPolicy.DEFAULT));
        }
        apply(new FeeItemDefined(command.scheduleId(), command.estateId(), command.itemCode(), command.name(),
                command.basis(), command.appliesTo(), command.order(), estateCurrency));
    }

    @CommandHandler
    public void handle(SetFeeRate command) {
        FeeItem item = items.get(command.itemCode());
        if (item == null) {
            throw DomainRuleViolation.notFound("unknown-fee-item", "No fee item " + command.itemCode());
        }
        BigDecimal rate = command.rate();
        if (rate.signum() < 0) {
            throw new DomainRuleViolation("negative-rate", "A rate cannot be negative");
        }
        if (!command.currency().equals(currency)) {
            throw new Money.CurrencyMismatchException(currency, command.currency());
        }
        if (rate.stripTrailingZeros().scale() > 4) {
            throw new DomainRuleViolation("invalid-rate", "A rate has at most four decimals");
        }
        apply(new FeeRateSet(scheduleId, estateId, command.itemCode(), command.effectiveFrom(), rate,
                command.currency(), command.reason()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetCollectionPolicy command) {
        if (!FeeScheduleId.of(command.estateId()).equals(command.scheduleId())) {
            throw new DomainRuleViolation("schedule-of-other-estate", "The schedule id does not match the estate");
        }
        apply(new CollectionPolicySet(command.scheduleId(), command.estateId(), command.policy()));
    }

    /** The schedule as a value, for the bill run and the late-fee run. */
    public FeeScheduleTerms terms() {
        return new FeeScheduleTerms(estateId, new ArrayList<>(items.values()), policy);
    }

    @EventSourcingHandler
    void on(FeeItemDefined event) {
        scheduleId = event.scheduleId();
        estateId = event.estateId();
        currency = event.currency();
        items.put(event.itemCode(), new FeeItem(event.itemCode(), event.name(), event.basis(), event.appliesTo(),
                event.order(), List.of()));
    }

    @EventSourcingHandler
    void on(FeeRateSet event) {
        items.computeIfPresent(event.itemCode(), (code, item) -> item.withRate(
                new FeeItem.Rate(event.effectiveFrom(), event.rate(), event.currency())));
    }

    @EventSourcingHandler
    void on(CollectionPolicySet event) {
        scheduleId = event.scheduleId();
        estateId = event.estateId();
        policy = event.policy();
    }
}

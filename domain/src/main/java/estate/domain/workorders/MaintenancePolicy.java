package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;
import estate.domain.workorders.MaintenanceLookup.EstateTerms;
import estate.domain.workorders.MaintenancePolicyCommands.SetMaintenanceBudget;
import estate.domain.workorders.MaintenancePolicyCommands.SetServiceTerms;
import estate.domain.workorders.MaintenancePolicyEvent.MaintenanceBudgetSet;
import estate.domain.workorders.MaintenancePolicyEvent.ServiceTermsSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An estate's maintenance policy: the SLA targets per priority, whether a hold stops the resolution clock, the
 * reopen window, and the yearly maintenance budget. One per estate, created by the first thing set; its identifier
 * is {@value #ID_PREFIX} and the estate's id, because aggregate ids are unique across types in the event store.
 */
public class MaintenancePolicy {

    static final String ID_PREFIX = "maintenance-policy:";

    @AggregateIdentifier
    private String policyId;
    private EstateId estateId;
    private ServiceTerms terms;
    private Map<Integer, Money> budgets = new HashMap<>();

    protected MaintenancePolicy() {
        // for Axon
    }

    public static String idOf(EstateId estateId) {
        return ID_PREFIX + estateId.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetServiceTerms command, MaintenanceLookup lookup) {
        estateTerms(lookup, command.estateId());
        ServiceTermsRules.requireSensible(command.terms());
        if (command.terms().equals(terms)) {
            throw new DomainRuleViolation("terms-unchanged", "These are the estate's service terms already");
        }
        apply(new ServiceTermsSet(command.estateId(), command.terms()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetMaintenanceBudget command, MaintenanceLookup lookup) {
        EstateTerms estate = estateTerms(lookup, command.estateId());
        if (!command.amount().currency().equals(estate.currency())) {
            throw new Money.CurrencyMismatchException(estate.currency(), command.amount().currency());
        }
        if (!command.amount().isPositive()) {
            throw new DomainRuleViolation("non-positive-amount", "A budget must be greater than zero");
        }
        if (command.amount().equals(budgets.get(command.year()))) {
            throw new DomainRuleViolation("budget-unchanged", "The " + command.year() + " budget is this already");
        }
        apply(new MaintenanceBudgetSet(command.estateId(), command.year(), command.amount()));
    }

    private EstateTerms estateTerms(MaintenanceLookup lookup, EstateId estate) {
        return lookup.estate(estate).orElseThrow(() -> DomainRuleViolation.notFound("unknown-estate",
                "Estate " + estate + " is not registered"));
    }

    @EventSourcingHandler
    void on(ServiceTermsSet event) {
        policyId = idOf(event.estateId());
        estateId = event.estateId();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(MaintenanceBudgetSet event) {
        policyId = idOf(event.estateId());
        estateId = event.estateId();
        budgets.put(event.year(), event.amount());
    }
}

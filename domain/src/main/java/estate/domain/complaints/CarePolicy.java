package estate.domain.complaints;

import estate.domain.complaints.CarePolicyEvent.CareTermsSet;
import estate.domain.complaints.ComplaintCommands.SetCareTerms;
import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An estate's customer-care policy; its id is {@value #ID_PREFIX} and the estate's id. */
public class CarePolicy {

    static final String ID_PREFIX = "care-policy:";

    @AggregateIdentifier
    private String policyId;
    private CareTerms terms;

    protected CarePolicy() {
        // for Axon
    }

    public static String idOf(estate.domain.estates.EstateId estateId) {
        return ID_PREFIX + estateId.value();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetCareTerms command, ComplaintLookup lookup) {
        if (!lookup.estateExists(command.estateId())) {
            throw DomainRuleViolation.notFound("unknown-estate", "Estate " + command.estateId() + " is not registered");
        }
        if (command.terms().equals(terms)) {
            throw new DomainRuleViolation("terms-unchanged", "These are the estate's care terms already");
        }
        apply(new CareTermsSet(command.estateId(), command.terms()));
    }

    @EventSourcingHandler
    void on(CareTermsSet event) {
        policyId = idOf(event.estateId());
        terms = event.terms();
    }
}

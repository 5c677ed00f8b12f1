package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/** Commands on an estate's maintenance policy: its service terms and its yearly maintenance budget. */
public final class MaintenancePolicyCommands {

    private MaintenancePolicyCommands() {
    }

    public record SetServiceTerms(EstateId estateId, ServiceTerms terms) {
        public SetServiceTerms {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(terms, "terms");
        }

        @TargetAggregateIdentifier
        public String policyId() {
            return MaintenancePolicy.idOf(estateId);
        }
    }

    /** The budget for repairs and upkeep (labour and materials) in one calendar year. */
    public record SetMaintenanceBudget(EstateId estateId, int year, Money amount) {
        public SetMaintenanceBudget {
            Objects.requireNonNull(estateId, "estateId");
            if (year < 2000 || year > 2100) {
                throw new IllegalArgumentException("year must be between 2000 and 2100");
            }
            Objects.requireNonNull(amount, "amount");
        }

        @TargetAggregateIdentifier
        public String policyId() {
            return MaintenancePolicy.idOf(estateId);
        }
    }
}

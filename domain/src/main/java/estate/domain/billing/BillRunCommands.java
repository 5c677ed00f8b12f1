package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.shared.Checks;
import estate.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.YearMonth;
import java.util.Objects;

/** Commands of a bill run: started by finance, then advanced by the bill runner until complete. */
public final class BillRunCommands {

    private BillRunCommands() {
    }

    public record StartBillRun(@TargetAggregateIdentifier BillRunId billRunId, EstateId estateId, YearMonth period,
                               String startedBy) {
        public StartBillRun {
            Objects.requireNonNull(billRunId, "billRunId");
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(period, "period");
            startedBy = Checks.text(startedBy, "startedBy", 100);
        }
    }

    /** Totals so far: accounts billed of all accounts to bill, lines charged now and found charged already. */
    public record RecordBillRunProgress(@TargetAggregateIdentifier BillRunId billRunId, int accountsDone,
                                        int accountsTotal, int linesCharged, int linesAlreadyCharged,
                                        Money amountCharged) {
        public RecordBillRunProgress {
            Objects.requireNonNull(billRunId, "billRunId");
            Objects.requireNonNull(amountCharged, "amountCharged");
        }
    }

    public record CompleteBillRun(@TargetAggregateIdentifier BillRunId billRunId, int accountsTotal,
                                  int accountsSkipped, int linesCharged, int linesAlreadyCharged,
                                  Money amountCharged) {
        public CompleteBillRun {
            Objects.requireNonNull(billRunId, "billRunId");
            Objects.requireNonNull(amountCharged, "amountCharged");
        }
    }
}

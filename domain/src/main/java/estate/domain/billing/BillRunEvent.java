package estate.domain.billing;

import estate.domain.estates.EstateId;
import estate.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.YearMonth;

/** Events of a bill run. */
public sealed interface BillRunEvent {

    BillRunId billRunId();

    EstateId estateId();

    @Revision("1")
    record BillRunStarted(BillRunId billRunId, EstateId estateId, YearMonth period, String startedBy)
            implements BillRunEvent {
    }

    @Revision("1")
    record BillRunProgressed(BillRunId billRunId, EstateId estateId, int accountsDone, int accountsTotal,
                             int linesCharged, int linesAlreadyCharged, Money amountCharged) implements BillRunEvent {
    }

    /** The summary: accounts billed (skipped: closed), lines charged now and found already charged, amount. */
    @Revision("1")
    record BillRunCompleted(BillRunId billRunId, EstateId estateId, YearMonth period, int accountsTotal,
                            int accountsSkipped, int linesCharged, int linesAlreadyCharged, Money amountCharged)
            implements BillRunEvent {
    }
}

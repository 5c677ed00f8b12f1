package estate.domain.billing;

import estate.domain.billing.BillRunCommands.CompleteBillRun;
import estate.domain.billing.BillRunCommands.RecordBillRunProgress;
import estate.domain.billing.BillRunCommands.StartBillRun;
import estate.domain.billing.BillRunEvent.BillRunCompleted;
import estate.domain.billing.BillRunEvent.BillRunProgressed;
import estate.domain.billing.BillRunEvent.BillRunStarted;
import estate.domain.estates.EstateId;
import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.YearMonth;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run of billing an estate for a period (e.g. 2026-12). The charges themselves land on the accounts with
 * deterministic ids, so running a period again, or resuming a run after a crash, charges nothing twice; the
 * run records who started it, its progress and its summary.
 */
public class BillRun {

    @AggregateIdentifier
    private BillRunId billRunId;
    private EstateId estateId;
    private YearMonth period;
    private boolean completed;

    protected BillRun() {
        // for Axon
    }

    @CommandHandler
    public BillRun(StartBillRun command) {
        apply(new BillRunStarted(command.billRunId(), command.estateId(), command.period(), command.startedBy()));
    }

    @CommandHandler
    public void handle(RecordBillRunProgress command) {
        requireRunning();
        apply(new BillRunProgressed(billRunId, estateId, command.accountsDone(), command.accountsTotal(),
                command.linesCharged(), command.linesAlreadyCharged(), command.amountCharged()));
    }

    @CommandHandler
    public void handle(CompleteBillRun command) {
        requireRunning();
        apply(new BillRunCompleted(billRunId, estateId, period, command.accountsTotal(), command.accountsSkipped(),
                command.linesCharged(), command.linesAlreadyCharged(), command.amountCharged()));
    }

    private void requireRunning() {
        if (completed) {
            throw DomainRuleViolation.conflict("bill-run-completed", "Bill run " + billRunId + " is complete");
        }
    }

    @EventSourcingHandler
    void on(BillRunStarted event) {
        billRunId = event.billRunId();
        estateId = event.estateId();
        period = event.period();
    }

    @EventSourcingHandler
    void on(BillRunCompleted event) {
        completed = true;
    }
}

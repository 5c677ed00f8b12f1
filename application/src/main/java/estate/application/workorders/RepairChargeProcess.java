package estate.application.workorders;

import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.workorders.RepairBilling;
import estate.domain.workorders.WorkOrderCommands.RecordRepairCharge;
import estate.domain.workorders.WorkOrderCommands.RecordRepairChargeFailure;
import estate.domain.workorders.WorkOrderEvent.RepairChargeRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * Brings a paid repair's fee to finance: on {@link RepairChargeRequested} it charges the reporter's account with
 * {@link ChargeFee} under the charge id derived from the work order, then records the outcome on the work order. A
 * redelivered request finds the charge there ({@code duplicate-charge}: already done) and the outcome recorded
 * ({@code no-pending-charge}): nothing is charged twice. Any other rejection by finance (a closed account, another
 * currency) is recorded as a failed charge, which escalates to the manager. Anything unexpected is retried.
 */
@Component
@ProcessingGroup(RepairChargeProcess.GROUP)
public class RepairChargeProcess {

    public static final String GROUP = "repair-charges";
    private static final Logger LOG = LoggerFactory.getLogger(RepairChargeProcess.class);

    private final ProcessCommands commands;
    private final Clock clock;

    public RepairChargeProcess(ProcessCommands commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(RepairChargeRequested event) {
        Optional<String> refused = commands.send(new ChargeFee(event.accountId(), event.chargeId(),
                RepairBilling.FEE_ITEM, event.period(), event.fee(), event.dueDate(), null, event.description()),
                GROUP);
        Optional<String> outcome = refused.isEmpty() || refused.get().equals("duplicate-charge")
                ? commands.send(new RecordRepairCharge(event.workOrderId(), event.chargeId(), clock.instant()), GROUP)
                : commands.send(new RecordRepairChargeFailure(event.workOrderId(), event.chargeId(), refused.get(),
                clock.instant()), GROUP);
        outcome.filter(code -> !code.equals("no-pending-charge")).ifPresent(code -> LOG.warn(
                "Work order {} refused the outcome of charge {}: {}", event.workOrderId(), event.chargeId(), code));
    }
}

package estate.api.billing;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.Results;
import estate.domain.billing.ArrearsCommands.ArrearsRunSummary;
import estate.domain.billing.ArrearsCommands.AssessEstateArrears;
import estate.domain.billing.BillRunCommands.StartBillRun;
import estate.domain.billing.BillRunId;
import estate.domain.billing.BillingQueries.GetBillRun;
import estate.domain.billing.BillingQueries.GetFeeSchedule;
import estate.domain.billing.FeeScheduleTerms;
import estate.domain.estates.EstateId;
import estate.projections.billing.BillRunView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.FINANCE;
import static estate.api.security.Caller.MANAGER;

/** Bill runs (a period for a whole estate) and the on-demand arrears run. */
@RestController
@Tag(name = "Bill runs", description = "Billing an estate for a period; the daily arrears and late-fee run")
public class BillRunController {

    private static final Set<String> RUNNERS = Set.of(FINANCE, MANAGER);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;

    public BillRunController(CommandGateway commands, QueryGateway queries, AccessGuard guard) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
    }

    public record BillRunRequest(@NotNull YearMonth period) {
    }

    public record ArrearsRequest(@NotNull LocalDate asOf) {
    }

    /** Starts billing the estate for the period; answers 202 and the run's URL to follow its progress. */
    @PostMapping("/api/estates/{estateId}/bill-runs")
    public ResponseEntity<Created> start(@PathVariable EstateId estateId, @Valid @RequestBody BillRunRequest request) {
        Caller caller = guard.staffOf(estateId, RUNNERS);
        boolean billable = queries.query(new GetFeeSchedule(estateId),
                        ResponseTypes.optionalInstanceOf(FeeScheduleTerms.class)).join()
                .map(terms -> terms.items().stream().anyMatch(item -> !item.rates().isEmpty())).orElse(false);
        if (!billable) {
            throw new ApiException(HttpStatus.CONFLICT, "no-fee-schedule",
                    "Estate " + estateId + " has no fee item with a rate to bill");
        }
        BillRunId runId = new BillRunId("billrun:" + estateId + ":" + request.period() + ":" + Ids.newId());
        commands.sendAndWait(new StartBillRun(runId, estateId, request.period(), caller.userId()));
        return ResponseEntity.accepted().location(URI.create("/api/bill-runs/" + runId))
                .body(new Created(runId.value()));
    }

    @GetMapping("/api/bill-runs/{billRunId}")
    public BillRunView get(@PathVariable BillRunId billRunId) {
        BillRunView run = Results.one(queries, new GetBillRun(billRunId), BillRunView.class, "bill-run-not-found");
        guard.staffOf(new EstateId(run.estateId()), Set.of(FINANCE, MANAGER, AUDITOR));
        return run;
    }

    /** Runs the arrears assessment (overdue notices, reminders, late fees) of the estate through a day. */
    @PostMapping("/api/estates/{estateId}/arrears-assessments")
    public ArrearsRunSummary assess(@PathVariable EstateId estateId, @Valid @RequestBody ArrearsRequest request) {
        guard.staffOf(estateId, RUNNERS);
        return commands.sendAndWait(new AssessEstateArrears(estateId, request.asOf()));
    }
}

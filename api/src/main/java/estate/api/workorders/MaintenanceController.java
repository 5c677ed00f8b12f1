package estate.api.workorders;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.MoneyInput;
import estate.api.support.Results;
import estate.domain.estates.EstateId;
import estate.domain.workorders.Category;
import estate.domain.workorders.Frequency;
import estate.domain.workorders.InspectionPlanCommands.CreateInspectionPlan;
import estate.domain.workorders.InspectionPlanCommands.RetireInspectionPlan;
import estate.domain.workorders.InspectionPlanId;
import estate.domain.workorders.MaintenancePolicyCommands.SetMaintenanceBudget;
import estate.domain.workorders.MaintenancePolicyCommands.SetServiceTerms;
import estate.domain.workorders.Priority;
import estate.domain.workorders.ServiceTerms;
import estate.domain.workorders.SlaTarget;
import estate.domain.workorders.WorkOrderQueries.FindEscalations;
import estate.domain.workorders.WorkOrderQueries.FindInspectionPlans;
import estate.domain.workorders.WorkOrderQueries.GetMaintenanceCost;
import estate.domain.workorders.WorkOrderQueries.GetRecurringProblems;
import estate.domain.workorders.WorkOrderQueries.GetServiceTerms;
import estate.domain.workorders.WorkOrderQueries.GetSlaReport;
import estate.projections.workorders.EscalationView;
import estate.projections.workorders.InspectionPlanView;
import estate.projections.workorders.MaintenanceCostReport;
import estate.projections.workorders.RecurringProblems;
import estate.projections.workorders.SlaReport;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.CUSTOMER_SERVICE;
import static estate.api.security.Caller.FINANCE;
import static estate.api.security.Caller.MAINTENANCE;
import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.STAFF;

/**
 * An estate's maintenance: its service terms (SLA targets per priority, hold and reopen rules), budget, inspection
 * plans, the manager's escalation queue, and the reports — recurring problems, maintenance cost, SLA.
 */
@RestController
@Tag(name = "Maintenance", description = "Service terms, budget, inspection plans, escalations and reports")
public class MaintenanceController {

    private static final Set<String> PLANNERS = Set.of(MANAGER, MAINTENANCE);
    private static final Set<String> ESCALATION_READERS = Set.of(MANAGER, AUDITOR);
    private static final Set<String> PROBLEM_READERS = Set.of(MANAGER, MAINTENANCE, CUSTOMER_SERVICE, AUDITOR);
    private static final Set<String> COST_READERS = Set.of(MANAGER, FINANCE, MAINTENANCE, AUDITOR);
    private static final Set<String> SLA_READERS = Set.of(MANAGER, CUSTOMER_SERVICE, MAINTENANCE, AUDITOR);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;
    private final Clock clock;

    public MaintenanceController(CommandGateway commands, QueryGateway queries, AccessGuard guard, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
        this.clock = clock;
    }

    public record TargetRequest(@NotNull Priority priority, @Min(1) int responseMinutes, @Min(1) int resolutionMinutes) {
    }

    /** One target per priority; {@code holdPausesClock}: a hold (e.g. waiting for parts) stops the resolution clock. */
    public record ServiceTermsRequest(@NotNull @Size(min = 4, max = 4) List<@Valid @NotNull TargetRequest> targets,
                                      boolean holdPausesClock, @Min(0) @Max(90) int reopenWindowDays) {
    }

    public record BudgetRequest(@NotNull BigDecimal amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    public record PlanRequest(@NotBlank @Size(max = 200) String facility, @NotNull Category category,
                              @NotNull Frequency frequency, @NotNull LocalDate firstDueDate,
                              @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> checklist,
                              Priority priority) {
    }

    public record RetireRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PutMapping("/api/estates/{estateId}/service-terms")
    public ResponseEntity<Void> setServiceTerms(@PathVariable EstateId estateId,
                                                @Valid @RequestBody ServiceTermsRequest request) {
        guard.staffOf(estateId, Set.of(MANAGER));
        ServiceTerms terms;
        try {
            terms = new ServiceTerms(request.targets().stream()
                    .map(t -> new SlaTarget(t.priority(), t.responseMinutes(), t.resolutionMinutes())).toList(),
                    request.holdPausesClock(), request.reopenWindowDays());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-sla-targets", "Give exactly one target for each priority "
                    + List.of(Priority.values()));
        }
        commands.sendAndWait(new SetServiceTerms(estateId, terms));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/estates/{estateId}/service-terms")
    public ServiceTerms serviceTerms(@PathVariable EstateId estateId) {
        guard.staffOf(estateId, STAFF);
        return queries.query(new GetServiceTerms(estateId), ResponseTypes.optionalInstanceOf(ServiceTerms.class))
                .join().orElseThrow(() -> ApiException.notFound("estate-not-found", "No estate " + estateId));
    }

    @PutMapping("/api/estates/{estateId}/maintenance-budgets/{year}")
    public ResponseEntity<Void> setBudget(@PathVariable EstateId estateId, @PathVariable int year,
                                          @Valid @RequestBody BudgetRequest request) {
        guard.staffOf(estateId, Set.of(MANAGER, FINANCE));
        commands.sendAndWait(new SetMaintenanceBudget(estateId, year,
                MoneyInput.of(request.amount(), request.currency())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/estates/{estateId}/inspection-plans")
    public ResponseEntity<Created> createPlan(@PathVariable EstateId estateId,
                                              @Valid @RequestBody PlanRequest request) {
        guard.staffOf(estateId, PLANNERS);
        InspectionPlanId planId = new InspectionPlanId(Ids.newId());
        commands.sendAndWait(new CreateInspectionPlan(planId, estateId, request.facility(), request.category(),
                request.frequency(), request.firstDueDate(), request.checklist(),
                request.priority() == null ? Priority.NORMAL : request.priority()));
        return Created.at("/api/estates/" + estateId + "/inspection-plans", planId.value());
    }

    @GetMapping("/api/estates/{estateId}/inspection-plans")
    public List<InspectionPlanView> plans(@PathVariable EstateId estateId) {
        guard.staffOf(estateId, STAFF);
        return Results.many(queries, new FindInspectionPlans(estateId), InspectionPlanView.class);
    }

    @PostMapping("/api/estates/{estateId}/inspection-plans/{planId}/retirement")
    public ResponseEntity<Void> retirePlan(@PathVariable EstateId estateId, @PathVariable InspectionPlanId planId,
                                           @Valid @RequestBody RetireRequest request) {
        guard.staffOf(estateId, Set.of(MANAGER));
        commands.sendAndWait(new RetireInspectionPlan(planId, estateId, request.reason(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** The manager's notifications: emergencies, missed deadlines, refused repair charges; open ones first. */
    @GetMapping("/api/estates/{estateId}/escalations")
    public List<EscalationView> escalations(@PathVariable EstateId estateId,
                                            @RequestParam(defaultValue = "false") boolean open) {
        guard.staffOf(estateId, ESCALATION_READERS);
        return Results.many(queries, new FindEscalations(estateId, open), EscalationView.class);
    }

    @GetMapping("/api/estates/{estateId}/reports/recurring-problems")
    public RecurringProblems recurringProblems(@PathVariable EstateId estateId, @RequestParam String from,
                                               @RequestParam String to) {
        guard.staffOf(estateId, PROBLEM_READERS);
        return one(new GetRecurringProblems(estateId, YearMonth.parse(from), YearMonth.parse(to)),
                RecurringProblems.class);
    }

    @GetMapping("/api/estates/{estateId}/reports/maintenance-cost")
    public MaintenanceCostReport maintenanceCost(@PathVariable EstateId estateId, @RequestParam int year) {
        guard.staffOf(estateId, COST_READERS);
        return one(new GetMaintenanceCost(estateId, year), MaintenanceCostReport.class);
    }

    @GetMapping("/api/estates/{estateId}/reports/sla")
    public SlaReport sla(@PathVariable EstateId estateId, @RequestParam String from, @RequestParam String to) {
        guard.staffOf(estateId, SLA_READERS);
        return one(new GetSlaReport(estateId, YearMonth.parse(from), YearMonth.parse(to)), SlaReport.class);
    }

    private <R> R one(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.instanceOf(type)).join();
    }
}

package estate.api.workorders;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.MoneyInput;
import estate.api.support.Results;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.AccountAccess;
import estate.domain.shared.Money;
import estate.domain.workorders.Assignee;
import estate.domain.workorders.Category;
import estate.domain.workorders.CheckResult;
import estate.domain.workorders.Location;
import estate.domain.workorders.Material;
import estate.domain.workorders.Priority;
import estate.domain.workorders.ReportSource;
import estate.domain.workorders.WorkOrderCommands.AcceptWorkOrder;
import estate.domain.workorders.WorkOrderCommands.AcknowledgeEscalation;
import estate.domain.workorders.WorkOrderCommands.AssignWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CancelWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CloseWorkOrder;
import estate.domain.workorders.WorkOrderCommands.CompleteWork;
import estate.domain.workorders.WorkOrderCommands.PutWorkOnHold;
import estate.domain.workorders.WorkOrderCommands.ReassignWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ReopenWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ReportWorkOrder;
import estate.domain.workorders.WorkOrderCommands.ResumeWork;
import estate.domain.workorders.WorkOrderCommands.StartWork;
import estate.domain.workorders.WorkOrderCommands.TriageWorkOrder;
import estate.domain.workorders.WorkOrderCommands.VerifyWorkOrder;
import estate.domain.workorders.WorkOrderId;
import estate.domain.workorders.WorkOrderQueries.FindWorkOrdersReportedBy;
import estate.domain.workorders.WorkOrderQueries.FindWorkQueue;
import estate.domain.workorders.WorkOrderQueries.GetWorkOrder;
import estate.domain.workorders.WorkOrderQueries.GetWorkOrderHistory;
import estate.domain.workorders.WorkOrderQueries.WorkOrderAccess;
import estate.domain.workorders.WorkOrderStatus;
import estate.projections.workorders.WorkOrderHistoryEntry;
import estate.projections.workorders.WorkOrderView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.CUSTOMER_SERVICE;
import static estate.api.security.Caller.FINANCE;
import static estate.api.security.Caller.MAINTENANCE;
import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.STAFF;

/**
 * Work orders (工单) from report to close: owners report and rate their own through the app; customer service and
 * the manager triage, dispatch, close and cancel; maintenance staff (or the manager) do the work; auditors read.
 */
@RestController
@Tag(name = "Work orders", description = "Repairs and inspection rounds, from report to the reporter's rating")
public class WorkOrderController {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";
    private static final Set<String> FRONT_OFFICE = Set.of(MANAGER, CUSTOMER_SERVICE);
    private static final Set<String> STAFF_REPORTERS = Set.of(MANAGER, CUSTOMER_SERVICE, MAINTENANCE);
    private static final Set<String> HISTORY_READERS = Set.of(MANAGER, CUSTOMER_SERVICE, MAINTENANCE, AUDITOR,
            FINANCE);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;
    private final WorkOrderGuard orders;
    private final Clock clock;

    public WorkOrderController(CommandGateway commands, QueryGateway queries, AccessGuard guard,
                               WorkOrderGuard orders, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
        this.orders = orders;
        this.clock = clock;
    }

    /** Owners give their account (the estate is the account's); staff give the estate, and an account if any. */
    public record ReportRequest(@Pattern(regexp = ID) String estateId, @Pattern(regexp = ID) String accountId,
                                @Pattern(regexp = ID) String unitId, @Size(max = 200) String facility,
                                @NotNull Category category, @NotBlank @Size(max = 2000) String description,
                                @Size(max = 10) List<@NotBlank @Size(max = 500) String> photos) {
    }

    public record TriageRequest(@NotNull Priority priority, boolean paidRepair, @Size(max = 1000) String note) {
    }

    /** A staff member (their user id), or a supplier by contract id and name. */
    public record AssignRequest(@Size(max = 100) String staffMember, @Pattern(regexp = ID) String contractId,
                                @Size(max = 200) String supplier) {
    }

    public record ReassignRequest(@Size(max = 100) String staffMember, @Pattern(regexp = ID) String contractId,
                                  @Size(max = 200) String supplier, @NotBlank @Size(max = 500) String reason) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record MaterialRequest(@NotBlank @Size(max = 200) String name,
                                  @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal quantity,
                                  @NotNull BigDecimal unitCost) {
    }

    public record CheckRequest(@NotBlank @Size(max = 200) String item, boolean passed, @Size(max = 1000) String note) {
    }

    /** Amounts are in {@code currency}; {@code fee} only for a paid repair; check results only for an inspection. */
    public record CompletionRequest(@NotBlank @Size(max = 2000) String summary,
                                    @NotNull @DecimalMin("0") BigDecimal labourHours, @NotNull BigDecimal labourCost,
                                    @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                                    @Size(max = 100) List<@Valid @NotNull MaterialRequest> materials, BigDecimal fee,
                                    @Size(max = 50) List<@Valid @NotNull CheckRequest> checkResults) {
    }

    public record VerifyRequest(@Min(1) @Max(5) int rating, @Size(max = 1000) String comment) {
    }

    public record AcknowledgeRequest(@Size(max = 1000) String note) {
    }

    @PostMapping("/api/work-orders")
    public ResponseEntity<Created> report(@Valid @RequestBody ReportRequest request) {
        Caller caller = Caller.current();
        boolean asStaff = caller.hasAny(STAFF_REPORTERS);
        if (!asStaff && !caller.isOwner()) {
            throw ApiException.forbidden();
        }
        OwnerAccountId account = request.accountId() == null ? null : new OwnerAccountId(request.accountId());
        EstateId estate;
        if (asStaff) {
            if (request.estateId() == null) {
                throw ApiException.badRequest("estate-required", "Name the estate the work order is for");
            }
            estate = new EstateId(request.estateId());
            guard.staffOf(estate, STAFF_REPORTERS);
            if (account != null) {
                requireSameEstate(guard.account(account, STAFF_REPORTERS, false), estate);
            }
        } else {
            if (account == null) {
                throw ApiException.badRequest("account-required", "Report for one of your accounts");
            }
            AccountAccess access = guard.account(account, Set.of(), true);
            estate = access.estateId();
            if (request.estateId() != null) {
                requireSameEstate(access, new EstateId(request.estateId()));
            }
        }
        WorkOrderId workOrderId = new WorkOrderId(Ids.newId());
        commands.sendAndWait(new ReportWorkOrder(workOrderId, estate,
                asStaff ? ReportSource.STAFF : ReportSource.OWNER_APP, location(request.unitId(), request.facility()),
                request.category(), request.description(), request.photos() == null ? List.of() : request.photos(),
                account, caller.userId(), null, clock.instant()));
        return Created.at("/api/work-orders/" + workOrderId, workOrderId.value());
    }

    /** Staff of the estate get the whole record; the owner who reported it gets the owner-app view. */
    @GetMapping("/api/work-orders/{workOrderId}")
    public ResponseEntity<?> get(@PathVariable WorkOrderId workOrderId) {
        WorkOrderAccess access = orders.order(workOrderId, STAFF, true);
        WorkOrderView view = Results.one(queries, new GetWorkOrder(workOrderId), WorkOrderView.class,
                "work-order-not-found");
        return ResponseEntity.ok(orders.actsAsReporter(access, STAFF) ? OwnerWorkOrderView.of(view) : view);
    }

    @GetMapping("/api/work-orders/{workOrderId}/history")
    public List<WorkOrderHistoryEntry> history(@PathVariable WorkOrderId workOrderId) {
        orders.order(workOrderId, HISTORY_READERS, false);
        return Results.many(queries, new GetWorkOrderHistory(workOrderId), WorkOrderHistoryEntry.class);
    }

    /** The owner app: the orders the caller reported, newest first. */
    @GetMapping("/api/me/work-orders")
    public List<OwnerWorkOrderView> mine() {
        Caller caller = Caller.current();
        if (!caller.isOwner()) {
            throw ApiException.forbidden();
        }
        return Results.many(queries, new FindWorkOrdersReportedBy(caller.userId()), WorkOrderView.class).stream()
                .map(OwnerWorkOrderView::of).toList();
    }

    /** Open orders by priority and nearest deadline; {@code assignee=me} for the caller's own queue. */
    @GetMapping("/api/estates/{estateId}/work-queue")
    public List<WorkOrderView> queue(@PathVariable EstateId estateId,
                                     @RequestParam(required = false) String assignee,
                                     @RequestParam(required = false) WorkOrderStatus status,
                                     @RequestParam(required = false) Priority priority) {
        Caller caller = guard.staffOf(estateId, STAFF);
        String staffMember = "me".equals(assignee) ? caller.userId() : blankToNull(assignee);
        return Results.many(queries, new FindWorkQueue(estateId, staffMember, status, priority), WorkOrderView.class);
    }

    @PostMapping("/api/work-orders/{workOrderId}/triage")
    public ResponseEntity<Void> triage(@PathVariable WorkOrderId workOrderId,
                                       @Valid @RequestBody TriageRequest request) {
        orders.order(workOrderId, FRONT_OFFICE, false);
        commands.sendAndWait(new TriageWorkOrder(workOrderId, request.priority(), request.paidRepair(),
                request.note(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/assignment")
    public ResponseEntity<Void> assign(@PathVariable WorkOrderId workOrderId,
                                       @Valid @RequestBody AssignRequest request) {
        orders.order(workOrderId, FRONT_OFFICE, false);
        commands.sendAndWait(new AssignWorkOrder(workOrderId,
                assignee(request.staffMember(), request.contractId(), request.supplier()), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/reassignment")
    public ResponseEntity<Void> reassign(@PathVariable WorkOrderId workOrderId,
                                         @Valid @RequestBody ReassignRequest request) {
        orders.order(workOrderId, FRONT_OFFICE, false);
        commands.sendAndWait(new ReassignWorkOrder(workOrderId,
                assignee(request.staffMember(), request.contractId(), request.supplier()), request.reason(),
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/acceptance")
    public ResponseEntity<Void> accept(@PathVariable WorkOrderId workOrderId) {
        orders.work(workOrderId);
        commands.sendAndWait(new AcceptWorkOrder(workOrderId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/start")
    public ResponseEntity<Void> start(@PathVariable WorkOrderId workOrderId) {
        orders.work(workOrderId);
        commands.sendAndWait(new StartWork(workOrderId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/hold")
    public ResponseEntity<Void> hold(@PathVariable WorkOrderId workOrderId, @Valid @RequestBody ReasonRequest request) {
        orders.work(workOrderId);
        commands.sendAndWait(new PutWorkOnHold(workOrderId, request.reason(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/resumption")
    public ResponseEntity<Void> resume(@PathVariable WorkOrderId workOrderId) {
        orders.work(workOrderId);
        commands.sendAndWait(new ResumeWork(workOrderId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/completion")
    public ResponseEntity<Void> complete(@PathVariable WorkOrderId workOrderId,
                                         @Valid @RequestBody CompletionRequest request) {
        orders.work(workOrderId);
        List<Material> materials = request.materials() == null ? List.of() : request.materials().stream()
                .map(m -> new Material(m.name(), m.quantity(), MoneyInput.of(m.unitCost(), request.currency())))
                .toList();
        List<CheckResult> checks = request.checkResults() == null ? List.of() : request.checkResults().stream()
                .map(c -> new CheckResult(c.item(), c.passed(), c.note())).toList();
        Money fee = request.fee() == null ? null : MoneyInput.of(request.fee(), request.currency());
        commands.sendAndWait(new CompleteWork(workOrderId, request.summary(), request.labourHours(),
                MoneyInput.of(request.labourCost(), request.currency()), materials, fee, checks, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** The reporter rates the repair; customer service may record the rating of a return visit (回访). */
    @PostMapping("/api/work-orders/{workOrderId}/verification")
    public ResponseEntity<Void> verify(@PathVariable WorkOrderId workOrderId,
                                       @Valid @RequestBody VerifyRequest request) {
        orders.order(workOrderId, FRONT_OFFICE, true);
        commands.sendAndWait(new VerifyWorkOrder(workOrderId, request.rating(), request.comment(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/closure")
    public ResponseEntity<Void> close(@PathVariable WorkOrderId workOrderId) {
        orders.order(workOrderId, FRONT_OFFICE, false);
        commands.sendAndWait(new CloseWorkOrder(workOrderId, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/reopening")
    public ResponseEntity<Void> reopen(@PathVariable WorkOrderId workOrderId,
                                       @Valid @RequestBody ReasonRequest request) {
        orders.order(workOrderId, FRONT_OFFICE, true);
        commands.sendAndWait(new ReopenWorkOrder(workOrderId, request.reason(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** Front office cancels any open order; the owner who reported it may withdraw it until it is dispatched. */
    @PostMapping("/api/work-orders/{workOrderId}/cancellation")
    public ResponseEntity<Void> cancel(@PathVariable WorkOrderId workOrderId,
                                       @Valid @RequestBody ReasonRequest request) {
        WorkOrderAccess access = orders.order(workOrderId, FRONT_OFFICE, true);
        commands.sendAndWait(new CancelWorkOrder(workOrderId, request.reason(),
                orders.actsAsReporter(access, FRONT_OFFICE), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/work-orders/{workOrderId}/escalations/{escalation}/acknowledgement")
    public ResponseEntity<Void> acknowledge(@PathVariable WorkOrderId workOrderId, @PathVariable int escalation,
                                            @Valid @RequestBody AcknowledgeRequest request) {
        orders.order(workOrderId, Set.of(MANAGER), false);
        commands.sendAndWait(new AcknowledgeEscalation(workOrderId, escalation, request.note(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    private static Location location(String unitId, String facility) {
        boolean unit = unitId != null;
        boolean shared = facility != null && !facility.isBlank();
        if (unit == shared) {
            throw ApiException.badRequest("invalid-location", "Name either a unitId or a shared facility");
        }
        return unit ? Location.unit(new UnitId(unitId)) : Location.facility(facility);
    }

    private static Assignee assignee(String staffMember, String contractId, String supplier) {
        try {
            return new Assignee(blankToNull(staffMember), contractId, blankToNull(supplier));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-assignee",
                    "Name a staff member, or a supplier's contract id and name");
        }
    }

    private static void requireSameEstate(AccountAccess account, EstateId estate) {
        if (!account.estateId().equals(estate)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "different-estate",
                    "The account belongs to another estate");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package estate.api.complaints;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.Results;
import estate.domain.complaints.Channel;
import estate.domain.complaints.ComplaintAccessQueries.ComplaintAccess;
import estate.domain.complaints.ComplaintAccessQueries.FindComplaintAccess;
import estate.domain.complaints.ComplaintCategory;
import estate.domain.complaints.CareTerms;
import estate.domain.complaints.ComplaintCommands.AcknowledgeComplaint;
import estate.domain.complaints.ComplaintCommands.AddInternalNote;
import estate.domain.complaints.ComplaintCommands.MergeComplaint;
import estate.domain.complaints.ComplaintCommands.SetCareTerms;
import estate.domain.complaints.ComplaintCommands.TransferComplaint;
import estate.domain.complaints.ComplaintCommands.WithdrawComplaint;
import estate.domain.complaints.ComplaintCommands.AssignComplaint;
import estate.domain.complaints.ComplaintCommands.RateResolution;
import estate.domain.complaints.ComplaintCommands.ReceiveComplaint;
import estate.domain.complaints.ComplaintCommands.RecordReturnVisit;
import estate.domain.complaints.ComplaintCommands.ResolveComplaint;
import estate.domain.complaints.ComplaintCommands.StartInvestigation;
import estate.domain.complaints.ComplaintId;
import estate.domain.complaints.Handler;
import estate.domain.complaints.ResponseTarget;
import estate.domain.complaints.ReturnVisitPolicy;
import estate.domain.complaints.WorkOrderRequest;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.AccountAccess;
import estate.domain.owners.OwnerAccountQueries.FindAccountsOfPortalUser;
import estate.projections.owners.OwnerDirectoryEntry;
import estate.projections.complaints.ComplaintAnalysis;
import estate.projections.complaints.ComplaintHistoryEntry;
import estate.projections.complaints.ComplaintQueries.FindComplaintQueue;
import estate.projections.complaints.ComplaintQueries.FindComplaintsOfAccount;
import estate.projections.complaints.ComplaintQueries.GetComplaintAnalysis;
import estate.projections.complaints.ComplaintQueries.GetComplaintHistory;
import estate.projections.complaints.ComplaintQueries.GetComplaint;
import estate.projections.complaints.ComplaintView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.CUSTOMER_SERVICE;
import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.STAFF;

/** Complaints (投诉): owners file and rate their own in the app; customer service and the manager handle them. */
@RestController
public class ComplaintController {

    private static final Set<String> CARE = Set.of(MANAGER, CUSTOMER_SERVICE);
    private static final Set<String> READERS = Set.of(MANAGER, CUSTOMER_SERVICE, AUDITOR);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;
    private final Clock clock;

    public ComplaintController(CommandGateway commands, QueryGateway queries, AccessGuard guard, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
        this.clock = clock;
    }

    public record FileRequest(String estateId, String accountId, String buildingId, Channel channel,
                              @NotNull ComplaintCategory category, @NotBlank @Size(max = 4000) String description) {
    }

    public record MessageRequest(@NotBlank @Size(max = 1000) String message) {
    }

    public record AssignRequest(@Size(max = 100) String staffMember, @Size(max = 100) String team) {
    }

    public record RepairRequest(String unitId, @Size(max = 200) String facility,
                                @NotBlank @Size(max = 2000) String description) {
    }

    public record ResolveRequest(@NotBlank @Size(max = 4000) String resolution, List<String> actions,
                                 @Valid RepairRequest workOrder) {
    }

    public record AnswerRequest(@Min(1) @Max(5) int rating, boolean accepted, @Size(max = 2000) String comment) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record MergeRequest(@NotBlank @Size(max = 128) String into) {
    }

    public record TransferRequest(@Size(max = 100) String staffMember, @Size(max = 100) String team,
                                  @NotBlank @Size(max = 500) String reason) {
    }

    public record NoteRequest(@NotBlank @Size(max = 2000) String note) {
    }

    public record TargetRequest(@NotNull ComplaintCategory category, int acknowledgeMinutes, int resolveMinutes) {
    }

    public record CareTermsRequest(List<@Valid @NotNull TargetRequest> targets,
                                   @NotNull ReturnVisitPolicy returnVisitPolicy) {
    }

    @PostMapping("/api/complaints")
    public ResponseEntity<Created> file(@Valid @RequestBody FileRequest request) {
        Caller caller = Caller.current();
        boolean asStaff = caller.hasAny(CARE);
        OwnerAccountId account = request.accountId() == null ? null : new OwnerAccountId(request.accountId());
        EstateId estate;
        Channel channel;
        if (asStaff) {
            if (request.estateId() == null || request.channel() == null) {
                throw ApiException.badRequest("estate-required", "Name the estate and the channel");
            }
            estate = new EstateId(request.estateId());
            guard.staffOf(estate, CARE);
            channel = request.channel();
        } else if (caller.isOwner()) {
            if (account == null) {
                throw ApiException.badRequest("account-required", "File for one of your accounts");
            }
            AccountAccess access = guard.account(account, Set.of(), true);
            estate = access.estateId();
            channel = Channel.APP;
        } else {
            throw ApiException.forbidden();
        }
        ComplaintId id = new ComplaintId(Ids.newId());
        commands.sendAndWait(new ReceiveComplaint(id, estate, channel, request.category(), account,
                request.buildingId() == null ? null : new BuildingId(request.buildingId()), request.description(),
                caller.userId(), clock.instant()));
        return Created.at("/api/complaints/" + id, id.value());
    }

    /** Staff of the estate see the whole record; the complainant sees the status, never internal notes. */
    @GetMapping("/api/complaints/{complaintId}")
    public Object get(@PathVariable String complaintId) {
        boolean complainant = access(complaintId, READERS, true);
        ComplaintView view = Results.one(queries, new GetComplaint(complaintId), ComplaintView.class,
                "complaint-not-found");
        return complainant ? OwnerComplaintView.of(view) : view;
    }

    @GetMapping("/api/estates/{estateId}/complaint-queue")
    public List<ComplaintView> queue(@PathVariable String estateId, @RequestParam(defaultValue = "open") String view,
                                     @RequestParam(required = false) String handler) {
        Caller caller = guard.staffOf(new EstateId(estateId), READERS);
        String who = "me".equals(handler) ? caller.userId() : handler;
        return Results.many(queries, new FindComplaintQueue(estateId, view, who), ComplaintView.class);
    }

    @PostMapping("/api/complaints/{complaintId}/acknowledgement")
    public ResponseEntity<Void> acknowledge(@PathVariable String complaintId, @Valid @RequestBody MessageRequest r) {
        access(complaintId, CARE, false);
        commands.sendAndWait(new AcknowledgeComplaint(new ComplaintId(complaintId), r.message(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/complaints/{complaintId}/assignment")
    public ResponseEntity<Void> assign(@PathVariable String complaintId, @Valid @RequestBody AssignRequest r) {
        access(complaintId, CARE, false);
        commands.sendAndWait(new AssignComplaint(new ComplaintId(complaintId), new Handler(r.staffMember(), r.team()),
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/complaints/{complaintId}/investigation")
    public ResponseEntity<Void> investigate(@PathVariable String complaintId) {
        access(complaintId, CARE, false);
        commands.sendAndWait(new StartInvestigation(new ComplaintId(complaintId), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/complaints/{complaintId}/resolution")
    public ResponseEntity<Void> resolve(@PathVariable String complaintId, @Valid @RequestBody ResolveRequest r) {
        access(complaintId, CARE, false);
        WorkOrderRequest repair = r.workOrder() == null ? null : new WorkOrderRequest(Ids.newId(),
                r.workOrder().unitId() == null ? null : new UnitId(r.workOrder().unitId()), r.workOrder().facility(),
                r.workOrder().description());
        commands.sendAndWait(new ResolveComplaint(new ComplaintId(complaintId), r.resolution(),
                r.actions() == null ? List.of() : r.actions(), repair, clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/complaints/{complaintId}/return-visit")
    public ResponseEntity<Void> returnVisit(@PathVariable String complaintId, @Valid @RequestBody AnswerRequest r) {
        access(complaintId, CARE, false);
        commands.sendAndWait(new RecordReturnVisit(new ComplaintId(complaintId), r.rating(), r.accepted(),
                r.comment(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/complaints/{complaintId}/rating")
    public ResponseEntity<Void> rate(@PathVariable String complaintId, @Valid @RequestBody AnswerRequest r) {
        if (!access(complaintId, Set.of(), true)) {
            throw ApiException.forbidden();
        }
        commands.sendAndWait(new RateResolution(new ComplaintId(complaintId), r.rating(), r.accepted(), r.comment(),
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** The timeline of a complaint with who did what and when, internal notes included: staff of the estate. */
    @GetMapping("/api/complaints/{complaintId}/history")
    public List<ComplaintHistoryEntry> history(@PathVariable String complaintId) {
        access(complaintId, STAFF, false);
        return Results.many(queries, new GetComplaintHistory(complaintId), ComplaintHistoryEntry.class);
    }

    /** The owner app: the complaints of the caller's accounts, newest first, without handler or internal notes. */
    @GetMapping("/api/me/complaints")
    public List<OwnerComplaintView> mine() {
        Caller caller = Caller.current();
        if (!caller.isOwner()) {
            throw ApiException.forbidden();
        }
        return Results.many(queries, new FindAccountsOfPortalUser(caller.userId()), OwnerDirectoryEntry.class)
                .stream()
                .flatMap(account -> Results.many(queries, new FindComplaintsOfAccount(account.accountId()),
                        ComplaintView.class).stream())
                .sorted(Comparator.comparing(ComplaintView::receivedAt).reversed().thenComparing(ComplaintView::id))
                .map(OwnerComplaintView::of).toList();
    }

    /** Withdrawn by the complainant in the app, or by customer service on their behalf. */
    @PostMapping("/api/complaints/{complaintId}/withdrawal")
    public ResponseEntity<Void> withdraw(@PathVariable String complaintId, @Valid @RequestBody ReasonRequest r) {
        boolean complainant = access(complaintId, CARE, true);
        commands.sendAndWait(new WithdrawComplaint(new ComplaintId(complaintId), r.reason(), complainant,
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** This complaint duplicates {@code into}, a complaint of the same estate. */
    @PostMapping("/api/complaints/{complaintId}/merge")
    public ResponseEntity<Void> merge(@PathVariable String complaintId, @Valid @RequestBody MergeRequest r) {
        access(complaintId, CARE, false);
        commands.sendAndWait(new MergeComplaint(new ComplaintId(complaintId), new ComplaintId(r.into()),
                clock.instant()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/complaints/{complaintId}/transfer")
    public ResponseEntity<Void> transfer(@PathVariable String complaintId, @Valid @RequestBody TransferRequest r) {
        access(complaintId, CARE, false);
        commands.sendAndWait(new TransferComplaint(new ComplaintId(complaintId), handler(r.staffMember(), r.team()),
                r.reason(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** A note for staff; the complainant never sees it. */
    @PostMapping("/api/complaints/{complaintId}/internal-notes")
    public ResponseEntity<Void> note(@PathVariable String complaintId, @Valid @RequestBody NoteRequest r) {
        access(complaintId, CARE, false);
        commands.sendAndWait(new AddInternalNote(new ComplaintId(complaintId), r.note(), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    /** The estate's rapid-response targets and return-visit policy, for complaints received from now on. */
    @PutMapping("/api/estates/{estateId}/care-terms")
    public ResponseEntity<Void> setCareTerms(@PathVariable String estateId, @Valid @RequestBody CareTermsRequest r) {
        EstateId estate = new EstateId(estateId);
        guard.staffOf(estate, Set.of(MANAGER));
        CareTerms terms;
        try {
            terms = new CareTerms((r.targets() == null ? List.<TargetRequest>of() : r.targets()).stream()
                    .map(t -> new ResponseTarget(t.category(), t.acknowledgeMinutes(), t.resolveMinutes())).toList(),
                    r.returnVisitPolicy());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-care-terms", "At most one target per category; acknowledge "
                    + "within 1 minute to 30 days, resolve within 90 days, never later than resolving");
        }
        commands.sendAndWait(new SetCareTerms(estate, terms));
        return ResponseEntity.noContent().build();
    }

    /** By category, building (or unit), channel and month; response and resolution times; reopens; repeats. */
    @GetMapping("/api/estates/{estateId}/complaint-analysis")
    public ComplaintAnalysis analysis(@PathVariable String estateId) {
        guard.staffOf(new EstateId(estateId), READERS);
        return queries.query(new GetComplaintAnalysis(estateId), ResponseTypes.instanceOf(ComplaintAnalysis.class))
                .join();
    }

    private static Handler handler(String staffMember, String team) {
        try {
            return new Handler(staffMember, team);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-handler", "Name either a staff member or a team");
        }
    }

    /** True when the caller acts as the complainant (an owner whose login filed it or owns its account). */
    private boolean access(String complaintId, Set<String> staffRoles, boolean complainantAllowed) {
        Caller caller = Caller.current();
        boolean staff = caller.hasAny(staffRoles);
        boolean owner = complainantAllowed && caller.isOwner();
        if (!staff && !owner) {
            throw ApiException.forbidden();
        }
        ComplaintAccess access = queries.query(new FindComplaintAccess(new ComplaintId(complaintId)),
                ResponseTypes.optionalInstanceOf(ComplaintAccess.class)).join().orElseThrow(this::notFound);
        if (staff && caller.serves(access.estateId().value())) {
            return false;
        }
        if (owner && access.accountId() != null) {
            boolean own = caller.userId().equals(access.receivedBy()) || guard.find(new OwnerAccountId(
                    access.accountId())).map(a -> caller.userId().equals(a.portalUser())).orElse(false);
            if (own) {
                return true;
            }
        }
        throw notFound();
    }

    private ApiException notFound() {
        return ApiException.notFound("complaint-not-found", "No such complaint");
    }
}

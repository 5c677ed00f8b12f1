package estate.api.owners;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.Results;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.ContactDetails;
import estate.domain.owners.HolderType;
import estate.domain.owners.OwnerAccountCommands.AcquireUnit;
import estate.domain.owners.OwnerAccountCommands.ChangeContactDetails;
import estate.domain.owners.OwnerAccountCommands.LinkPortalUser;
import estate.domain.owners.OwnerAccountCommands.MoveOut;
import estate.domain.owners.OwnerAccountCommands.OpenAccount;
import estate.domain.owners.OwnerAccountCommands.RecordMoveIn;
import estate.domain.owners.OwnerAccountCommands.TransferUnit;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.AccountAccess;
import estate.domain.owners.OwnerAccountQueries.FindAccountsOfPortalUser;
import estate.domain.owners.OwnerAccountQueries.GetAccount;
import estate.projections.owners.OwnerDirectoryEntry;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static estate.api.security.Caller.CUSTOMER_SERVICE;
import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.STAFF;

/** Owner and tenant accounts: opening, contact details, units, move-in, transfer and move-out. */
@RestController
@Tag(name = "Accounts", description = "Owner and tenant accounts")
public class AccountController {

    private static final Set<String> FRONT_OFFICE = Set.of(MANAGER, CUSTOMER_SERVICE);
    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;

    public AccountController(CommandGateway commands, QueryGateway queries, AccessGuard guard) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
    }

    public record OpenAccountRequest(@NotNull @Pattern(regexp = ID) String estateId, @NotNull HolderType holderType,
                                     @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 20) String phone,
                                     @Size(max = 200) String email,
                                     @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = ID) String> unitIds,
                                     LocalDate moveInDate, @Size(max = 100) String portalUser) {
    }

    public record ContactRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 20) String phone,
                                 @Size(max = 200) String email) {
    }

    public record PortalUserRequest(@NotBlank @Size(max = 100) String portalUser) {
    }

    public record MoveInRequest(@NotNull LocalDate moveInDate) {
    }

    public record AcquireUnitRequest(@NotNull @Pattern(regexp = ID) String unitId, @NotNull LocalDate since) {
    }

    public record TransferRequest(@NotNull @Pattern(regexp = ID) String unitId,
                                  @NotNull @Pattern(regexp = ID) String toAccountId,
                                  @NotNull LocalDate transferDate, @NotBlank @Size(max = 500) String reason) {
    }

    public record MoveOutRequest(@NotNull LocalDate moveOutDate, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/accounts")
    public ResponseEntity<Created> open(@Valid @RequestBody OpenAccountRequest request) {
        EstateId estateId = new EstateId(request.estateId());
        guard.staffOf(estateId, FRONT_OFFICE);
        OwnerAccountId accountId = new OwnerAccountId(Ids.newId());
        commands.sendAndWait(new OpenAccount(accountId, estateId, request.holderType(),
                new ContactDetails(request.name(), request.phone(), request.email()),
                request.unitIds().stream().map(UnitId::new).toList(), request.moveInDate(), request.portalUser()));
        return Created.at("/api/accounts/" + accountId, accountId.value());
    }

    @GetMapping("/api/accounts/{accountId}")
    public OwnerDirectoryEntry get(@PathVariable OwnerAccountId accountId) {
        guard.account(accountId, STAFF, true);
        return Results.one(queries, new GetAccount(accountId), OwnerDirectoryEntry.class, "account-not-found");
    }

    /** The owner app's start: the accounts linked to the caller's login. */
    @GetMapping("/api/me/accounts")
    public List<OwnerDirectoryEntry> mine() {
        Caller caller = Caller.current();
        if (!caller.isOwner()) {
            throw ApiException.forbidden();
        }
        return Results.many(queries, new FindAccountsOfPortalUser(caller.userId()), OwnerDirectoryEntry.class);
    }

    @PutMapping("/api/accounts/{accountId}/contact")
    public ResponseEntity<Void> changeContact(@PathVariable OwnerAccountId accountId,
                                              @Valid @RequestBody ContactRequest request) {
        guard.account(accountId, FRONT_OFFICE, true);
        commands.sendAndWait(new ChangeContactDetails(accountId,
                new ContactDetails(request.name(), request.phone(), request.email())));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/accounts/{accountId}/portal-user")
    public ResponseEntity<Void> linkPortalUser(@PathVariable OwnerAccountId accountId,
                                               @Valid @RequestBody PortalUserRequest request) {
        guard.account(accountId, FRONT_OFFICE, false);
        commands.sendAndWait(new LinkPortalUser(accountId, request.portalUser()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/accounts/{accountId}/move-in")
    public ResponseEntity<Void> moveIn(@PathVariable OwnerAccountId accountId,
                                       @Valid @RequestBody MoveInRequest request) {
        guard.account(accountId, FRONT_OFFICE, false);
        commands.sendAndWait(new RecordMoveIn(accountId, request.moveInDate()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/accounts/{accountId}/units")
    public ResponseEntity<Void> acquireUnit(@PathVariable OwnerAccountId accountId,
                                            @Valid @RequestBody AcquireUnitRequest request) {
        guard.account(accountId, FRONT_OFFICE, false);
        commands.sendAndWait(new AcquireUnit(accountId, new UnitId(request.unitId()), request.since()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/accounts/{accountId}/unit-transfers")
    public ResponseEntity<Void> transfer(@PathVariable OwnerAccountId accountId,
                                         @Valid @RequestBody TransferRequest request) {
        AccountAccess seller = guard.account(accountId, FRONT_OFFICE, false);
        OwnerAccountId buyer = new OwnerAccountId(request.toAccountId());
        AccountAccess buyerAccess = guard.account(buyer, FRONT_OFFICE, false);
        if (!seller.estateId().equals(buyerAccess.estateId())) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "different-estate",
                    "Both accounts must belong to the same estate");
        }
        commands.sendAndWait(new TransferUnit(accountId, new UnitId(request.unitId()), buyer,
                request.transferDate(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/accounts/{accountId}/move-out")
    public ResponseEntity<Void> moveOut(@PathVariable OwnerAccountId accountId,
                                        @Valid @RequestBody MoveOutRequest request) {
        guard.account(accountId, FRONT_OFFICE, false);
        commands.sendAndWait(new MoveOut(accountId, request.moveOutDate(), request.reason()));
        return ResponseEntity.noContent().build();
    }
}

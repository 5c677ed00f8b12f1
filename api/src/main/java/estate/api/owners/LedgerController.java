package estate.api.owners;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.MoneyInput;
import estate.api.support.Results;
import estate.domain.billing.BillingQueries.GetAccountStatement;
import estate.domain.estates.UnitId;
import estate.domain.owners.ChargeId;
import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.owners.OwnerAccountCommands.RecordPayment;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.AccountAccess;
import estate.domain.owners.OwnerAccountQueries.GetAccountBalance;
import estate.domain.owners.OwnerAccountQueries.GetAccountBalanceAsOf;
import estate.domain.owners.OwnerAccountQueries.GetAccountLedger;
import estate.domain.owners.PaymentChannel;
import estate.domain.owners.PaymentId;
import estate.projections.owners.AccountBalance;
import estate.projections.owners.AccountBalanceAsOf;
import estate.projections.billing.StatementView;
import estate.projections.owners.AccountLedger;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.CUSTOMER_SERVICE;
import static estate.api.security.Caller.FINANCE;
import static estate.api.security.Caller.MANAGER;

/** The fee ledger of an account: charges, payments, balance. Owners see and pay their own. */
@RestController
@Tag(name = "Ledger", description = "Charges, payments and balance of an account")
public class LedgerController {

    private static final Set<String> BOOKKEEPERS = Set.of(FINANCE, MANAGER);
    private static final Set<String> READERS = Set.of(FINANCE, MANAGER, CUSTOMER_SERVICE, AUDITOR);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;
    private final Clock clock;

    public LedgerController(CommandGateway commands, QueryGateway queries, AccessGuard guard, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
        this.clock = clock;
    }

    public record ChargeRequest(@NotBlank @Size(max = 64) String feeItem, @NotNull YearMonth period,
                                @NotNull BigDecimal amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                                @NotNull LocalDate dueDate,
                                @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}") String unitId,
                                @Size(max = 500) String description) {
    }

    /** {@code allocateTo}: the charges this payment is for, in order; empty or absent: oldest first. */
    public record PaymentRequest(@NotNull BigDecimal amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                                 PaymentChannel channel, @NotBlank @Size(max = 64) String receiptNumber,
                                 Instant receivedAt,
                                 @Size(max = 100) List<@NotNull @Pattern(regexp = CHARGE_ID) String> allocateTo) {
    }

    private static final String CHARGE_ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    @PostMapping("/api/accounts/{accountId}/charges")
    public ResponseEntity<Created> charge(@PathVariable OwnerAccountId accountId,
                                          @Valid @RequestBody ChargeRequest request) {
        guard.account(accountId, BOOKKEEPERS, false);
        ChargeId chargeId = new ChargeId(Ids.newId());
        commands.sendAndWait(new ChargeFee(accountId, chargeId, request.feeItem(), request.period(),
                MoneyInput.of(request.amount(), request.currency()), request.dueDate(),
                request.unitId() == null ? null : new UnitId(request.unitId()), request.description()));
        return Created.at("/api/accounts/" + accountId + "/ledger", chargeId.value());
    }

    /** Finance records payments from any channel; an owner pays their own account through the app. */
    @PostMapping("/api/accounts/{accountId}/payments")
    public ResponseEntity<Created> pay(@PathVariable OwnerAccountId accountId,
                                       @Valid @RequestBody PaymentRequest request) {
        guard.account(accountId, BOOKKEEPERS, true);
        Caller caller = Caller.current();
        PaymentChannel channel = caller.hasAny(BOOKKEEPERS) && request.channel() != null
                ? request.channel() : PaymentChannel.APP;
        Instant receivedAt = request.receivedAt() == null || !caller.hasAny(BOOKKEEPERS)
                ? clock.instant() : request.receivedAt();
        PaymentId paymentId = new PaymentId(Ids.newId());
        List<ChargeId> allocateTo = request.allocateTo() == null ? List.of()
                : request.allocateTo().stream().map(ChargeId::new).toList();
        commands.sendAndWait(new RecordPayment(accountId, paymentId, MoneyInput.of(request.amount(),
                request.currency()), channel, request.receiptNumber(), receivedAt, allocateTo));
        return Created.at("/api/accounts/" + accountId + "/ledger", paymentId.value());
    }

    /**
     * The balance now or, with {@code asOf}, as the books stood at the end of that day in the estate's zone
     * (ledger lines recorded by then); 404 {@code account-not-yet-opened} for a day before the account was opened.
     */
    @GetMapping("/api/accounts/{accountId}/balance")
    public Object balance(@PathVariable OwnerAccountId accountId, @RequestParam(required = false) LocalDate asOf) {
        AccountAccess access = guard.account(accountId, READERS, true);
        if (asOf == null) {
            return Results.one(queries, new GetAccountBalance(accountId), AccountBalance.class, "account-not-found");
        }
        ZoneId zone = access.zoneId() == null ? ZoneOffset.UTC : access.zoneId();
        GetAccountBalanceAsOf query = new GetAccountBalanceAsOf(accountId, asOf, zone);
        AccountBalanceAsOf balance = Results.one(queries, query, AccountBalanceAsOf.class, "account-not-found");
        if (!balance.openedBy(query.endOfDay())) {
            throw ApiException.notFound("account-not-yet-opened", "Account " + accountId + " was opened after "
                    + asOf);
        }
        return balance;
    }

    /** The owner's statement: open charges with late fees, totals, credit. */
    @GetMapping("/api/accounts/{accountId}/statement")
    public StatementView statement(@PathVariable OwnerAccountId accountId) {
        guard.account(accountId, READERS, true);
        return Results.one(queries, new GetAccountStatement(accountId), StatementView.class, "account-not-found");
    }

    /** The finance history: every ledger event with its effect, the running balance, who and when. */
    @GetMapping("/api/accounts/{accountId}/ledger")
    public AccountLedger ledger(@PathVariable OwnerAccountId accountId) {
        guard.account(accountId, READERS, true);
        return Results.one(queries, new GetAccountLedger(accountId), AccountLedger.class, "account-not-found");
    }
}

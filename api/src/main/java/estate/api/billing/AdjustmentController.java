package estate.api.billing;

import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.MoneyInput;
import estate.domain.owners.ChargeId;
import estate.domain.owners.ChargePart;
import estate.domain.owners.OwnerAccountCommands.ApproveRefund;
import estate.domain.owners.OwnerAccountCommands.ApproveWaiver;
import estate.domain.owners.OwnerAccountCommands.RejectRefund;
import estate.domain.owners.OwnerAccountCommands.RejectWaiver;
import estate.domain.owners.OwnerAccountCommands.RequestRefund;
import estate.domain.owners.OwnerAccountCommands.RequestWaiver;
import estate.domain.owners.OwnerAccountCommands.ReversePayment;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.AccountAccess;
import estate.domain.owners.PaymentId;
import estate.domain.owners.RefundId;
import estate.domain.owners.WaiverId;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import static estate.api.security.Caller.FINANCE;
import static estate.api.security.Caller.MANAGER;

/**
 * Adjustments with four eyes: finance requests a waiver (减免) of a charge or late fee, or a refund of prepaid
 * credit; the estate's manager approves or rejects; nobody approves their own request. And payment reversal.
 */
@RestController
@Tag(name = "Adjustments", description = "Waivers, refunds (four eyes) and payment reversals")
public class AdjustmentController {

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,127}";

    private final CommandGateway commands;
    private final AccessGuard guard;
    private final Clock clock;

    public AdjustmentController(CommandGateway commands, AccessGuard guard, Clock clock) {
        this.commands = commands;
        this.guard = guard;
        this.clock = clock;
    }

    public record WaiverRequest(@NotNull @Pattern(regexp = ID) String chargeId, @NotNull ChargePart part,
                                @NotNull BigDecimal amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                                @NotBlank @Size(max = 500) String reason) {
    }

    public record RefundRequest(@NotNull BigDecimal amount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                                @NotBlank @Size(max = 500) String reason) {
    }

    public record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/accounts/{accountId}/waivers")
    public ResponseEntity<Created> requestWaiver(@PathVariable OwnerAccountId accountId,
                                                 @Valid @RequestBody WaiverRequest request) {
        guard.account(accountId, Set.of(FINANCE), false);
        WaiverId waiverId = new WaiverId(Ids.newId());
        commands.sendAndWait(new RequestWaiver(accountId, waiverId, new ChargeId(request.chargeId()), request.part(),
                MoneyInput.of(request.amount(), request.currency()), request.reason(), Caller.current().userId()));
        return Created.at("/api/accounts/" + accountId + "/ledger", waiverId.value());
    }

    @PostMapping("/api/accounts/{accountId}/waivers/{waiverId}/approval")
    public ResponseEntity<Void> approveWaiver(@PathVariable OwnerAccountId accountId, @PathVariable WaiverId waiverId) {
        AccountAccess access = guard.account(accountId, Set.of(MANAGER), false);
        commands.sendAndWait(new ApproveWaiver(accountId, waiverId, Caller.current().userId(), today(access)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/accounts/{accountId}/waivers/{waiverId}/rejection")
    public ResponseEntity<Void> rejectWaiver(@PathVariable OwnerAccountId accountId, @PathVariable WaiverId waiverId,
                                             @Valid @RequestBody Rejection request) {
        guard.account(accountId, Set.of(MANAGER), false);
        commands.sendAndWait(new RejectWaiver(accountId, waiverId, Caller.current().userId(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/accounts/{accountId}/refunds")
    public ResponseEntity<Created> requestRefund(@PathVariable OwnerAccountId accountId,
                                                 @Valid @RequestBody RefundRequest request) {
        guard.account(accountId, Set.of(FINANCE), false);
        RefundId refundId = new RefundId(Ids.newId());
        commands.sendAndWait(new RequestRefund(accountId, refundId, MoneyInput.of(request.amount(), request.currency()),
                request.reason(), Caller.current().userId()));
        return Created.at("/api/accounts/" + accountId + "/ledger", refundId.value());
    }

    @PostMapping("/api/accounts/{accountId}/refunds/{refundId}/approval")
    public ResponseEntity<Void> approveRefund(@PathVariable OwnerAccountId accountId, @PathVariable RefundId refundId) {
        AccountAccess access = guard.account(accountId, Set.of(MANAGER), false);
        commands.sendAndWait(new ApproveRefund(accountId, refundId, Caller.current().userId(), today(access)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/accounts/{accountId}/refunds/{refundId}/rejection")
    public ResponseEntity<Void> rejectRefund(@PathVariable OwnerAccountId accountId, @PathVariable RefundId refundId,
                                             @Valid @RequestBody Rejection request) {
        guard.account(accountId, Set.of(MANAGER), false);
        commands.sendAndWait(new RejectRefund(accountId, refundId, Caller.current().userId(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    /** A bounced or mistaken payment: everything it settled is open again. */
    @PostMapping("/api/accounts/{accountId}/payments/{paymentId}/reversal")
    public ResponseEntity<Void> reverse(@PathVariable OwnerAccountId accountId, @PathVariable PaymentId paymentId,
                                        @Valid @RequestBody Rejection request) {
        AccountAccess access = guard.account(accountId, Set.of(FINANCE, MANAGER), false);
        commands.sendAndWait(new ReversePayment(accountId, paymentId, request.reason(), today(access)));
        return ResponseEntity.noContent().build();
    }

    private LocalDate today(AccountAccess access) {
        return LocalDate.now(clock.withZone(access.zoneId()));
    }
}

package estate.api.billing;

import estate.api.security.AccessGuard;
import estate.api.support.Created;
import estate.api.support.MoneyInput;
import estate.api.support.Results;
import estate.domain.billing.BillingQueries.GetFeeSchedule;
import estate.domain.billing.CollectionPolicy;
import estate.domain.billing.FeeBasis;
import estate.domain.billing.FeeScheduleCommands.DefineFeeItem;
import estate.domain.billing.FeeScheduleCommands.SetCollectionPolicy;
import estate.domain.billing.FeeScheduleCommands.SetFeeRate;
import estate.domain.billing.FeeScheduleId;
import estate.domain.billing.FeeScheduleTerms;
import estate.domain.billing.MeterCommands.RecordMeterReading;
import estate.domain.billing.MeterId;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static estate.api.security.Caller.FINANCE;
import static estate.api.security.Caller.MAINTENANCE;
import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.STAFF;

/** An estate's fee schedule (收费标准): items, rates with effective dates, collection policy; meter readings. */
@RestController
@Tag(name = "Fee schedule", description = "Fee items, rates, collection policy and meter readings of an estate")
public class FeeScheduleController {

    static final String ITEM = "[A-Z][A-Z0-9_]{1,31}";
    private static final Set<String> SETTERS = Set.of(MANAGER, FINANCE);

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;

    public FeeScheduleController(CommandGateway commands, QueryGateway queries, AccessGuard guard) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
    }

    public record FeeItemRequest(@NotNull @Pattern(regexp = ITEM) String itemCode, @NotBlank @Size(max = 100) String name,
                                 @NotNull FeeBasis basis, @NotEmpty Set<@NotNull UnitUse> appliesTo,
                                 @Min(0) @Max(1000) int order) {
    }

    public record RateRequest(@NotNull LocalDate effectiveFrom, @NotNull @DecimalMax("100000") BigDecimal rate,
                              @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                              @NotBlank @Size(max = 500) String reason) {
    }

    public record PolicyRequest(@Min(1) @Max(28) int dueDayOfMonth, @Min(0) @Max(365) int graceDays,
                                @NotNull @DecimalMin("0") @DecimalMax("0.01") BigDecimal dailyRate,
                                @NotNull @DecimalMin("0") @DecimalMax("1") BigDecimal capRatio) {
    }

    public record ReadingRequest(@NotNull @Pattern(regexp = ITEM) String itemCode,
                                 @NotNull @DecimalMax("999999999") BigDecimal reading,
                                 @NotNull LocalDate readOn, boolean replacement) {
    }

    @PostMapping("/api/estates/{estateId}/fee-items")
    public ResponseEntity<Created> defineItem(@PathVariable EstateId estateId,
                                              @Valid @RequestBody FeeItemRequest request) {
        guard.staffOf(estateId, SETTERS);
        commands.sendAndWait(new DefineFeeItem(FeeScheduleId.of(estateId), estateId, request.itemCode(),
                request.name(), request.basis(), request.appliesTo(), request.order()));
        return Created.at("/api/estates/" + estateId + "/fee-schedule", request.itemCode());
    }

    @PostMapping("/api/estates/{estateId}/fee-items/{itemCode}/rates")
    public ResponseEntity<Void> setRate(@PathVariable EstateId estateId, @PathVariable String itemCode,
                                        @Valid @RequestBody RateRequest request) {
        guard.staffOf(estateId, SETTERS);
        commands.sendAndWait(new SetFeeRate(FeeScheduleId.of(estateId), itemCode, request.effectiveFrom(),
                request.rate(), MoneyInput.currency(request.currency()), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/estates/{estateId}/collection-policy")
    public ResponseEntity<Void> setPolicy(@PathVariable EstateId estateId, @Valid @RequestBody PolicyRequest request) {
        guard.staffOf(estateId, SETTERS);
        commands.sendAndWait(new SetCollectionPolicy(FeeScheduleId.of(estateId), estateId, new CollectionPolicy(
                request.dueDayOfMonth(), request.graceDays(), request.dailyRate(), request.capRatio())));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/estates/{estateId}/fee-schedule")
    public FeeScheduleTerms schedule(@PathVariable EstateId estateId) {
        guard.staffOf(estateId, STAFF);
        return Results.one(queries, new GetFeeSchedule(estateId), FeeScheduleTerms.class, "no-fee-schedule");
    }

    @PostMapping("/api/estates/{estateId}/units/{unitId}/meter-readings")
    public ResponseEntity<Created> recordReading(@PathVariable EstateId estateId, @PathVariable UnitId unitId,
                                                 @Valid @RequestBody ReadingRequest request) {
        guard.staffOf(estateId, Set.of(MANAGER, FINANCE, MAINTENANCE));
        MeterId meterId = MeterId.of(unitId, request.itemCode());
        commands.sendAndWait(new RecordMeterReading(meterId, estateId, unitId, request.itemCode(), request.reading(),
                request.readOn(), request.replacement()));
        return Created.at("/api/estates/" + estateId + "/units/" + unitId, meterId.value());
    }
}

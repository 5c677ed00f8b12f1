package estate.api.estates;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.api.security.Caller;
import estate.api.support.Created;
import estate.api.support.Ids;
import estate.api.support.Results;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateCommands.AddBuilding;
import estate.domain.estates.EstateCommands.CorrectUnitArea;
import estate.domain.estates.EstateCommands.RegisterEstate;
import estate.domain.estates.EstateCommands.RegisterUnit;
import estate.domain.estates.EstateId;
import estate.domain.estates.EstateQueries.FindEstates;
import estate.domain.estates.EstateQueries.FindUnits;
import estate.domain.estates.EstateQueries.GetEstate;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import estate.domain.owners.OwnerAccountQueries.FindOwners;
import estate.projections.estates.EstateView;
import estate.projections.estates.UnitView;
import estate.projections.owners.OwnerDirectoryEntry;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;

import static estate.api.security.Caller.MANAGER;
import static estate.api.security.Caller.STAFF;

/** The estate registry (estates, buildings, units) and the owner directory of an estate. */
@RestController
@RequestMapping("/api/estates")
@Tag(name = "Estates", description = "Estates, buildings and units: the registry fees are computed from")
public class EstateController {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final AccessGuard guard;

    public EstateController(CommandGateway commands, QueryGateway queries, AccessGuard guard) {
        this.commands = commands;
        this.queries = queries;
        this.guard = guard;
    }

    public record RegisterEstateRequest(@NotNull @Pattern(regexp = ID) String estateId,
                                        @NotBlank @Size(max = 200) String name,
                                        @NotBlank @Size(max = 500) String address,
                                        @NotBlank String zoneId,
                                        @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    }

    public record AddBuildingRequest(@NotBlank @Size(max = 100) String name, @Min(1) @Max(200) int floors) {
    }

    public record RegisterUnitRequest(@NotNull @Pattern(regexp = ID) String buildingId,
                                      @NotBlank @Size(max = 32) String number,
                                      @Min(-5) @Max(200) int floor,
                                      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal floorArea,
                                      @NotNull UnitUse use) {
    }

    public record CorrectAreaRequest(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal floorArea,
                                     @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping
    public ResponseEntity<Created> register(@Valid @RequestBody RegisterEstateRequest request) {
        EstateId estateId = new EstateId(request.estateId());
        guard.staffOf(estateId, Set.of(MANAGER));
        commands.sendAndWait(new RegisterEstate(estateId, request.name(), request.address(),
                zone(request.zoneId()), currency(request.currency())));
        return Created.at("/api/estates/" + estateId, estateId.value());
    }

    @GetMapping
    public List<EstateView> list() {
        Caller caller = Caller.current();
        if (!caller.hasAny(STAFF)) {
            throw ApiException.forbidden();
        }
        return Results.many(queries, new FindEstates(caller.allEstates() ? null : caller.estates()),
                EstateView.class);
    }

    @GetMapping("/{estateId}")
    public EstateView get(@PathVariable EstateId estateId) {
        guard.staffOf(estateId, STAFF);
        return Results.one(queries, new GetEstate(estateId), EstateView.class, "estate-not-found");
    }

    @PostMapping("/{estateId}/buildings")
    public ResponseEntity<Created> addBuilding(@PathVariable EstateId estateId,
                                               @Valid @RequestBody AddBuildingRequest request) {
        guard.staffOf(estateId, Set.of(MANAGER));
        BuildingId buildingId = new BuildingId(Ids.newId());
        commands.sendAndWait(new AddBuilding(estateId, buildingId, request.name(), request.floors()));
        return Created.at("/api/estates/" + estateId, buildingId.value());
    }

    @PostMapping("/{estateId}/units")
    public ResponseEntity<Created> registerUnit(@PathVariable EstateId estateId,
                                                @Valid @RequestBody RegisterUnitRequest request) {
        guard.staffOf(estateId, Set.of(MANAGER));
        UnitId unitId = new UnitId(Ids.newId());
        commands.sendAndWait(new RegisterUnit(estateId, unitId, new BuildingId(request.buildingId()),
                request.number(), request.floor(), request.floorArea(), request.use()));
        return Created.at("/api/estates/" + estateId + "/units/" + unitId, unitId.value());
    }

    @GetMapping("/{estateId}/units")
    public List<UnitView> units(@PathVariable EstateId estateId,
                                @RequestParam(required = false) BuildingId buildingId) {
        guard.staffOf(estateId, STAFF);
        return Results.many(queries, new FindUnits(estateId, buildingId), UnitView.class);
    }

    @PostMapping("/{estateId}/units/{unitId}/area-corrections")
    public ResponseEntity<Void> correctArea(@PathVariable EstateId estateId, @PathVariable UnitId unitId,
                                            @Valid @RequestBody CorrectAreaRequest request) {
        guard.staffOf(estateId, Set.of(MANAGER));
        commands.sendAndWait(new CorrectUnitArea(estateId, unitId, request.floorArea(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    /** The owner directory: by building, unit number, name or phone (substring). */
    @GetMapping("/{estateId}/owners")
    public List<OwnerDirectoryEntry> owners(@PathVariable EstateId estateId,
                                            @RequestParam(required = false) BuildingId building,
                                            @RequestParam(required = false) String unit,
                                            @RequestParam(required = false) String name,
                                            @RequestParam(required = false) String phone,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        guard.staffOf(estateId, STAFF);
        return Results.many(queries, new FindOwners(estateId, building, blankToNull(unit), blankToNull(name),
                blankToNull(phone), page, size), OwnerDirectoryEntry.class);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ZoneId zone(String zoneId) {
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("invalid-zone", "zoneId must be a region such as Asia/Shanghai");
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("invalid-currency", "Currency must be an ISO 4217 code such as CNY");
        }
    }
}

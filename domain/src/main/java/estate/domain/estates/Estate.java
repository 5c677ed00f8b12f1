package estate.domain.estates;

import estate.domain.estates.EstateCommands.AddBuilding;
import estate.domain.estates.EstateCommands.CorrectUnitArea;
import estate.domain.estates.EstateCommands.RegisterEstate;
import estate.domain.estates.EstateCommands.RegisterUnit;
import estate.domain.estates.EstateEvent.BuildingAdded;
import estate.domain.estates.EstateEvent.EstateRegistered;
import estate.domain.estates.EstateEvent.UnitAreaCorrected;
import estate.domain.estates.EstateEvent.UnitRegistered;
import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The registry of one estate (小区): its buildings (楼栋) and units (房屋/单元). Unit numbers are unique within
 * the estate, which this aggregate guarantees by itself.
 */
public class Estate {

    @AggregateIdentifier
    private EstateId estateId;
    private Map<String, Integer> buildingFloors = new HashMap<>();
    private Map<String, String> unitNumbers = new HashMap<>();
    private Map<String, BigDecimal> unitAreas = new HashMap<>();
    /**
     * The unit numbers in use (the values of {@code unitNumbers}), so that a new number is checked in constant time,
     * not by scanning every unit. Derived, not in snapshots: built from {@code unitNumbers} when first needed.
     */
    private transient Set<String> numbersInUse;

    protected Estate() {
        // for Axon
    }

    @CommandHandler
    public Estate(RegisterEstate command) {
        apply(new EstateRegistered(command.estateId(), command.name(), command.address(), command.zoneId(),
                command.currency()));
    }

    @CommandHandler
    public void handle(AddBuilding command) {
        if (buildingFloors.containsKey(command.buildingId().value())) {
            throw DomainRuleViolation.conflict("duplicate-building", "Building " + command.buildingId() + " exists");
        }
        if (command.floors() < 1 || command.floors() > 200) {
            throw new DomainRuleViolation("invalid-floors", "A building has 1 to 200 floors");
        }
        apply(new BuildingAdded(estateId, command.buildingId(), command.name(), command.floors()));
    }

    @CommandHandler
    public void handle(RegisterUnit command) {
        Integer floors = buildingFloors.get(command.buildingId().value());
        if (floors == null) {
            throw DomainRuleViolation.notFound("unknown-building",
                    "Building " + command.buildingId() + " is not in estate " + estateId);
        }
        if (unitNumbers.containsKey(command.unitId().value())) {
            throw DomainRuleViolation.conflict("duplicate-unit", "Unit " + command.unitId() + " exists");
        }
        if (numbersInUse().contains(command.number())) {
            throw DomainRuleViolation.conflict("unit-number-taken",
                    "Unit number " + command.number() + " is already used in estate " + estateId);
        }
        if (command.floor() < UnitRules.LOWEST_FLOOR || command.floor() > floors) {
            throw new DomainRuleViolation("invalid-floor",
                    "Floor must be between " + UnitRules.LOWEST_FLOOR + " and " + floors);
        }
        BigDecimal area = UnitRules.validArea(command.floorArea());
        apply(new UnitRegistered(estateId, command.unitId(), command.buildingId(), command.number(),
                command.floor(), area, command.use()));
    }

    @CommandHandler
    public void handle(CorrectUnitArea command) {
        BigDecimal previous = unitAreas.get(command.unitId().value());
        if (previous == null) {
            throw DomainRuleViolation.notFound("unknown-unit", "Unit " + command.unitId() + " is not in " + estateId);
        }
        BigDecimal area = UnitRules.validArea(command.floorArea());
        if (previous.compareTo(area) == 0) {
            throw new DomainRuleViolation("area-unchanged", "The unit already has that floor area");
        }
        apply(new UnitAreaCorrected(estateId, command.unitId(), previous, area, command.reason()));
    }

    @EventSourcingHandler
    void on(EstateRegistered event) {
        this.estateId = event.estateId();
    }

    @EventSourcingHandler
    void on(BuildingAdded event) {
        buildingFloors.put(event.buildingId().value(), event.floors());
    }

    private Set<String> numbersInUse() {
        if (numbersInUse == null) {
            numbersInUse = new HashSet<>(unitNumbers.values());
        }
        return numbersInUse;
    }

    @EventSourcingHandler
    void on(UnitRegistered event) {
        numbersInUse().add(event.number());
        unitNumbers.put(event.unitId().value(), event.number());
        unitAreas.put(event.unitId().value(), event.floorArea());
    }

    @EventSourcingHandler
    void on(UnitAreaCorrected event) {
        unitAreas.put(event.unitId().value(), event.floorArea());
    }
}

package estate.domain.estates;

import estate.domain.shared.Checks;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/** Commands on the estate registry: estates, their buildings and units. */
public final class EstateCommands {

    private EstateCommands() {
    }

    public record RegisterEstate(@TargetAggregateIdentifier EstateId estateId, String name, String address,
                                 ZoneId zoneId, Currency currency) {
        public RegisterEstate {
            Objects.requireNonNull(estateId, "estateId");
            name = Checks.text(name, "name", 200);
            address = Checks.text(address, "address", 500);
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(currency, "currency");
        }
    }

    public record AddBuilding(@TargetAggregateIdentifier EstateId estateId, BuildingId buildingId, String name,
                              int floors) {
        public AddBuilding {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(buildingId, "buildingId");
            name = Checks.text(name, "name", 100);
        }
    }

    public record RegisterUnit(@TargetAggregateIdentifier EstateId estateId, UnitId unitId, BuildingId buildingId,
                               String number, int floor, BigDecimal floorArea, UnitUse use) {
        public RegisterUnit {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(buildingId, "buildingId");
            number = Checks.text(number, "number", 32);
            Objects.requireNonNull(floorArea, "floorArea");
            Objects.requireNonNull(use, "use");
        }
    }

    /** Floor area is what area-based fees are computed from: a correction says why. */
    public record CorrectUnitArea(@TargetAggregateIdentifier EstateId estateId, UnitId unitId, BigDecimal floorArea,
                                  String reason) {
        public CorrectUnitArea {
            Objects.requireNonNull(estateId, "estateId");
            Objects.requireNonNull(unitId, "unitId");
            Objects.requireNonNull(floorArea, "floorArea");
            reason = Checks.text(reason, "reason", 500);
        }
    }
}

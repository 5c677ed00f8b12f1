package estate.domain.estates;

import estate.domain.estates.EstateEvent.BuildingAdded;
import estate.domain.estates.EstateEvent.EstateRegistered;
import estate.domain.estates.EstateEvent.UnitRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;

/** The estate the registry tests share: E1 with building B1 of 18 floors. */
final class EstateExamples {

    static final EstateId ESTATE = EstateId.of("E1");
    static final BuildingId BUILDING = BuildingId.of("B1");
    static final BuildingId SECOND_BUILDING = BuildingId.of("B2");
    static final UnitId UNIT = UnitId.of("U-101");
    static final UnitId SECOND_UNIT = UnitId.of("U-102");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Currency CNY = Currency.getInstance("CNY");
    static final int FLOORS = 18;

    private EstateExamples() {
    }

    /** A fresh {@link AggregateTestFixture} for one test of the estate registry. */
    static AggregateTestFixture<Estate> fixture() {
        return new AggregateTestFixture<>(Estate.class);
    }

    static EstateRegistered estateRegistered() {
        return new EstateRegistered(ESTATE, "Lakeside Gardens", "88 Binjiang Road, Shanghai", SHANGHAI, CNY);
    }

    static BuildingAdded buildingAdded() {
        return new BuildingAdded(ESTATE, BUILDING, "Building 1", FLOORS);
    }

    /** U-101 on floor 1 of B1; {@code floorArea} as the event stores it (scale 2 since areas are normalised). */
    static UnitRegistered unitRegistered(String floorArea) {
        return new UnitRegistered(ESTATE, UNIT, BUILDING, "1-101", 1, new BigDecimal(floorArea),
                UnitUse.RESIDENTIAL);
    }
}

package estate.domain.estates;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;

/**
 * Events of the estate registry. Released events are never renamed or moved: add a revision and an upcaster.
 * Who, when and why travel in each event's metadata.
 */
public sealed interface EstateEvent {

    EstateId estateId();

    @Revision("1")
    record EstateRegistered(EstateId estateId, String name, String address, ZoneId zoneId, Currency currency)
            implements EstateEvent {
    }

    @Revision("1")
    record BuildingAdded(EstateId estateId, BuildingId buildingId, String name, int floors) implements EstateEvent {
    }

    @Revision("1")
    record UnitRegistered(EstateId estateId, UnitId unitId, BuildingId buildingId, String number, int floor,
                          BigDecimal floorArea, UnitUse use) implements EstateEvent {
    }

    @Revision("1")
    record UnitAreaCorrected(EstateId estateId, UnitId unitId, BigDecimal previousArea, BigDecimal floorArea,
                             String reason) implements EstateEvent {
    }
}

package estate.projections.estates;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/** A unit in the registry read model; floor area in m² is stored as Decimal128. */
@Document("units")
public record UnitView(@Id String unitId, String estateId, String buildingId, String number, int floor,
                       BigDecimal floorArea, String use, long lastSequence) {
}

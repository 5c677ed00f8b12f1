package estate.projections.estates;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** An estate in the registry read model: its buildings and how many units it has. */
@Document("estates")
public record EstateView(@Id String estateId, String name, String address, String zoneId, String currency,
                         List<BuildingView> buildings, int unitCount, long lastSequence) {

    public record BuildingView(String buildingId, String name, int floors) {
    }
}

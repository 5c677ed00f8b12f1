package estate.projections.owners;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/** One account in the owner directory: who, which units, how to reach them, whether the account is open. */
@Document("owner_directory")
public record OwnerDirectoryEntry(@Id String accountId, String estateId, String holderType, String name,
                                  String phone, String email, List<UnitRef> units, LocalDate moveInDate,
                                  LocalDate moveOutDate, String status, String portalUser, long lastSequence) {

    public record UnitRef(String unitId, String buildingId, String number) {
    }
}

package estate.projections.owners;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The directory's own copy of unit numbers, so that directory rows name units the way staff say them. */
@Document("owner_directory_units")
record DirectoryUnit(@Id String unitId, String buildingId, String number) {
}

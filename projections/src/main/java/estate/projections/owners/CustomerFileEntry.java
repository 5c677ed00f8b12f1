package estate.projections.owners;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One line of the customer file (客户档案) timeline: an interaction, a concern noted or resolved, or a change
 * in the account's life (opened, contact changed, moved in, units, closed). Staff of the estate only.
 */
@Document("customer_file")
public record CustomerFileEntry(@Id String id, String accountId, String estateId, long sequence, String kind,
                                Instant occurredAt, String channel, String summary, List<String> concernTags,
                                String staffMember, String concernId, String recordedBy, String recordedByRole) {
}

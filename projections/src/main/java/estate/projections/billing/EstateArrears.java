package estate.projections.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One estate's open amounts by due date, for one of {@value #SHARDS} shards of its accounts (id
 * {@code estateId|shard}): what arrears aging needs, for any as-of day, without reading the accounts.
 * <ul>
 *     <li>{@code dues}, per due date ({@code yyyy-MM-dd}) on which some account of the shard has something open:
 *     the open amount, the open charges, and how many accounts have something open then;</li>
 *     <li>{@code pairs}, per two due dates {@code d|e}: how many accounts have something open on {@code d} and
 *     next on {@code e} (nothing open in between). Aging counts the distinct accounts of a bucket (a range of due
 *     dates) as the accounts per due date in it minus these pairs in it: an account open on {@code m} dates of
 *     the range has {@code m − 1} such pairs in it, so it counts once.</li>
 * </ul>
 * Both are sums over the shard's accounts, kept by {@link StatementProjection} with increments; an entry that
 * falls to zero is removed. {@code counted} makes the increments idempotent: per account (key escaped), the
 * sequence number of the statement it counted, set in the same atomic update as the increments, so the next change
 * is counted as the difference from that statement (the stored one: the shards are written before the statements).
 * Until session 8 an entry was a document {@code {sequence, open}} holding that statement's open amounts by due
 * date as well (65 KB per shard at 100,000 accounts with ten months billed); such an entry is read as it is and
 * replaced by the sequence at the account's next change. The query handlers do not read {@code counted}, and this
 * record does not map it.
 */
@Document("estate_arrears")
public record EstateArrears(@Id String id, String estateId, Map<String, Due> dues, Map<String, Integer> pairs) {

    static final String DUES = "dues";
    static final String PAIRS = "pairs";
    static final String COUNTED = "counted";

    /** How many documents one estate's arrears are spread over. */
    static final int SHARDS = 32;

    /** All accounts of the shard with something open on one due date. */
    public record Due(BigDecimal amount, int charges, int accounts) {
    }

    /**
     * What a shard counted of one account: the sequence of the statement counted and, from an entry written before
     * session 9, that statement's open amount and charges by due date, in order of due date (null: the statement's
     * own, read from the statement).
     */
    public record Counted(long sequence, Map<String, Open> open) {
    }

    public record Open(BigDecimal amount, int charges) {
    }

    static String idOf(String estateId, int shard) {
        return estateId + "|" + shard;
    }

    /** The shard of an account: stable across processes ({@link String#hashCode} is specified). */
    static int shardOf(String accountId) {
        return Math.floorMod(accountId.hashCode(), SHARDS);
    }

    static String pairOf(String dueDate, String nextDueDate) {
        return dueDate + "|" + nextDueDate;
    }
}

package estate.projections.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One estate's additive figures of one billing period over the charges of that period, for one of
 * {@value #SHARDS} shards of its accounts (id {@code estateId|period|shard}): billed, principal collected and
 * waived, principal paid by fee item (every fee item billed in the period has a key), late fees paid, and how many
 * accounts were billed. Maintained by {@link StatementProjection} with increments; collection rate and income by
 * item are read from these (the sum of a month's shards) instead of the statements.
 * <p>
 * Why shards: the guard below holds an entry per account, and a batch reads a document's entries before it adds
 * to it. One document per estate and month held 5,000 entries for an estate of 5,000 units, which every batch
 * that touched the month read and the server copied on every update: under load a quarter of the read side's CPU.
 * An account always falls in the same shard ({@link #shardOf}), so each shard counts its own accounts.
 * <p>
 * {@code applied} is the guard that makes the increments idempotent: per account (key escaped, see
 * {@link StatementProjection}), the sequence number of its last event counted here, set in the same atomic update
 * as the increments. The query handlers do not read it. Absent money fields are zero.
 */
@Document("estate_period_figures")
public record PeriodFigures(@Id String id, String estateId, String period, BigDecimal billed, BigDecimal collected,
                            BigDecimal waived, BigDecimal lateFeePaid, Map<String, BigDecimal> paid, int accounts,
                            Map<String, Long> applied) {

    static final String APPLIED = "applied";

    /** How many documents one estate's month is spread over. */
    static final int SHARDS = 16;

    static String idOf(String estateId, String period, int shard) {
        return estateId + "|" + period + "|" + shard;
    }

    /** The shard of an account: stable across processes ({@link String#hashCode} is specified). */
    static int shardOf(String accountId) {
        return Math.floorMod(accountId.hashCode(), SHARDS);
    }
}

package estate.projections.owners;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An account's balance as the books stood at the end of {@code asOf} in the estate's zone: the sum of the
 * balance effects of the {@code entries} ledger lines recorded before {@code endOfDay} (the last of them
 * {@code lastSequence}). {@code openedAt}: when the account was opened, where the customer file knows it.
 */
public record AccountBalanceAsOf(String accountId, String estateId, String currency, LocalDate asOf, String zoneId,
                                 Instant endOfDay, Instant openedAt, BigDecimal balance, int entries,
                                 Long lastSequence) {

    /** Whether the account existed by the end of the day (unknown opening: assumed so). */
    public boolean openedBy(Instant instant) {
        return openedAt == null || openedAt.isBefore(instant);
    }
}

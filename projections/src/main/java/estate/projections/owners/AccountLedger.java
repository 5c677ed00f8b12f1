package estate.projections.owners;

import java.math.BigDecimal;
import java.util.List;

/** An account's finance history: every line in order with the balance after it. */
public record AccountLedger(String accountId, String currency, BigDecimal balance, List<Line> lines) {

    public record Line(LedgerEntry entry, BigDecimal balanceAfter) {
    }
}

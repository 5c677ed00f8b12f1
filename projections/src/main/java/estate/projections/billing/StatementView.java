package estate.projections.billing;

import java.math.BigDecimal;
import java.util.List;

/** The statement as the owner reads it: open charges, totals paid and owed, late fees, credit. */
public record StatementView(String accountId, String currency, List<AccountStatement.Charge> openCharges,
                            BigDecimal totalCharged, BigDecimal totalPaid, BigDecimal totalLateFees,
                            BigDecimal totalWaived, BigDecimal totalOpen, BigDecimal credit, BigDecimal balance) {
}

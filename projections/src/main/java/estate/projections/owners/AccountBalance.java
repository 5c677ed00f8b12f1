package estate.projections.owners;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/**
 * An account's totals: charged, late fees, paid (net of reversals), waived, refunded; the prepaid credit;
 * the balance (charged + late fees − paid − waived + refunded; negative = credit) and what is open.
 */
@Document("account_balances")
public record AccountBalance(@Id String accountId, String estateId, String currency, BigDecimal charged,
                             BigDecimal lateFees, BigDecimal paid, BigDecimal waived, BigDecimal refunded,
                             BigDecimal credit, BigDecimal balance, BigDecimal outstanding, long lastSequence) {

    static AccountBalance opened(String accountId, String estateId, String currency, long sequence) {
        return new AccountBalance(accountId, estateId, currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, sequence);
    }

    AccountBalance add(BigDecimal charged, BigDecimal lateFees, BigDecimal paid, BigDecimal waived,
                       BigDecimal refunded, BigDecimal credit, long sequence) {
        BigDecimal c = this.charged.add(charged);
        BigDecimal l = this.lateFees.add(lateFees);
        BigDecimal p = this.paid.add(paid);
        BigDecimal w = this.waived.add(waived);
        BigDecimal r = this.refunded.add(refunded);
        BigDecimal cr = this.credit.add(credit);
        BigDecimal balance = c.add(l).subtract(p).subtract(w).add(r);
        return new AccountBalance(accountId, estateId, currency, c, l, p, w, r, cr, balance, balance.add(cr), sequence);
    }
}

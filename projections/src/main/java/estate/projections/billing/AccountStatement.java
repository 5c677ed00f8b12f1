package estate.projections.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The statement of an account: each charge with what was paid, waived and is still open, its late fee, and the
 * prepaid credit. What the owner sees in the app; also the source of arrears aging and collection figures.
 */
@Document("account_statements")
public record AccountStatement(@Id String accountId, String estateId, String currency, List<Charge> charges,
                               BigDecimal credit, long lastSequence) {

    AccountStatement withCredit(BigDecimal delta) {
        return new AccountStatement(accountId, estateId, currency, charges, credit.add(delta), lastSequence);
    }

    public record Charge(String chargeId, String feeItem, String period, LocalDate dueDate, String unitId,
                         String description, BigDecimal amount, BigDecimal paid, BigDecimal waived,
                         BigDecimal lateFee, BigDecimal lateFeePaid, BigDecimal lateFeeWaived) {

        public BigDecimal principalOpen() {
            return amount.subtract(paid).subtract(waived);
        }

        public BigDecimal lateFeeOpen() {
            return lateFee.subtract(lateFeePaid).subtract(lateFeeWaived);
        }

        public BigDecimal open() {
            return principalOpen().add(lateFeeOpen());
        }
    }
}

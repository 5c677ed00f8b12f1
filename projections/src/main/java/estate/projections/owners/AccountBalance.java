package estate.projections.owners;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/** What an account has been charged, has paid, and owes (a negative balance is prepaid credit). */
@Document("account_balances")
public record AccountBalance(@Id String accountId, String estateId, String currency, BigDecimal charged,
                             BigDecimal paid, BigDecimal balance, long lastSequence) {
}

package estate.projections.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an account owes by due date: its open charges (principal and late fee still open) summed per due date,
 * with how many charges; derived from the {@link AccountStatement} whenever it changes (same {@code lastSequence}).
 * {@code openEstateId} is the estate while something is open and null otherwise, so the index on it holds only
 * accounts in arrears or about to be, and arrears aging reads those small documents, not whole statements.
 */
@Document("account_arrears")
public record AccountArrears(@Id String accountId, String openEstateId, String currency, List<Open> open,
                             long lastSequence) {

    public record Open(LocalDate dueDate, BigDecimal amount, int charges) {
    }
}

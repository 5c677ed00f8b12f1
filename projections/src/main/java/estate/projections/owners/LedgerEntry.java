package estate.projections.owners;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of an account's finance history (the auditable ledger): every charge, payment, allocation, credit
 * use, late fee, notice, waiver and refund step and reversal, with its effect on the balance ({@code delta}),
 * who recorded it, in which role, and when. The id is account and sequence number, so a replayed event lands
 * on the same line.
 */
@Document("ledger_entries")
public record LedgerEntry(@Id String id, String accountId, String estateId, long sequence, String kind,
                          String reference, String feeItem, String period, LocalDate dueDate, String channel,
                          String receiptNumber, BigDecimal amount, BigDecimal delta, String currency, String detail,
                          Instant recordedAt, String recordedBy, String recordedByRole) {

    public static final String CHARGE = "CHARGE";
    public static final String PAYMENT = "PAYMENT";
}

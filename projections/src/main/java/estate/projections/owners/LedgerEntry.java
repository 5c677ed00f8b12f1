package estate.projections.owners;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One line of an account's fee ledger, a charge or a payment, with who recorded it and when. The id is
 * account and sequence number, so a replayed event lands on the same line.
 */
@Document("ledger_entries")
public record LedgerEntry(@Id String id, String accountId, String estateId, long sequence, String kind,
                          String reference, String feeItem, String period, LocalDate dueDate, String channel,
                          String receiptNumber, BigDecimal amount, String currency, Instant recordedAt,
                          String recordedBy) {

    public static final String CHARGE = "CHARGE";
    public static final String PAYMENT = "PAYMENT";
}

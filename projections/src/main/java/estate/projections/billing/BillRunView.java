package estate.projections.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/** A bill run as finance follows it: progress while it runs, the summary when complete. */
@Document("bill_runs")
public record BillRunView(@Id String billRunId, String estateId, String period, String startedBy, Instant startedAt,
                          String status, int accountsDone, int accountsTotal, int accountsSkipped, int linesCharged,
                          int linesAlreadyCharged, BigDecimal amountCharged, String currency, Instant completedAt,
                          long lastSequence) {
}

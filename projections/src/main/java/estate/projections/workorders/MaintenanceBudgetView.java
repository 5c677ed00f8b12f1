package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/** An estate's maintenance budget for one year; {@code lastSequence} is that of the estate's policy. */
@Document("maintenance_budgets")
record MaintenanceBudgetView(@Id String id, String estateId, int year, BigDecimal amount, String currency,
                             long lastSequence) {
}

package estate.projections.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/** One category of an estate's annual budget. */
@Document("budget_lines")
public record BudgetLineView(@Id String id, String estateId, int year, String kind, String category,
                             BigDecimal amount, String currency, long lastSequence) {
}

package estate.projections.billing;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** A finance report as published to the estate's owners. */
@Document("finance_reports")
public record FinanceReportView(@Id String id, String estateId, String reportId, String from, String to,
                                String currency, Map<String, BigDecimal> income, Map<String, BigDecimal> expenses,
                                BigDecimal totalIncome, BigDecimal totalExpenses, BigDecimal balance,
                                String publishedBy, Instant publishedAt) {
}

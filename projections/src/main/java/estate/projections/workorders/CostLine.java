package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;

/** The cost of one completion of a work order (a reopened order is completed, and costs, again); Decimal128. */
@Document("maintenance_cost_lines")
record CostLine(@Id String id, String estateId, String workOrderId, String category, String month,
                BigDecimal labourHours, BigDecimal labourCost, BigDecimal materialsCost, String currency) {
}

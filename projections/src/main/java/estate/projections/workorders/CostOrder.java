package estate.projections.workorders;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What the cost read model keeps of each work order to book its completions: category and estate zone. */
@Document("maintenance_cost_orders")
record CostOrder(@Id String workOrderId, String estateId, String category, String zoneId) {
}

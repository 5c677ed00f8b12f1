package estate.projections.workorders;

import estate.domain.workorders.MaintenancePolicyEvent.MaintenanceBudgetSet;
import estate.domain.workorders.WorkOrderEvent.InspectionOrderOpened;
import estate.domain.workorders.WorkOrderEvent.WorkCompleted;
import estate.domain.workorders.WorkOrderEvent.WorkOrderReported;
import estate.domain.workorders.WorkOrderQueries.GetMaintenanceCost;
import estate.projections.support.Guarded;
import estate.projections.workorders.MaintenanceCostReport.Row;
import estate.projections.workorders.MaintenanceCostReport.Total;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Maintenance cost: labour and materials by month (of completion, in the estate's zone) and category, against budget. */
@Component
@ProcessingGroup(MaintenanceCostProjection.GROUP)
public class MaintenanceCostProjection {

    public static final String GROUP = "maintenance-cost";

    private final MongoTemplate mongo;

    public MaintenanceCostProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(WorkOrderReported e) {
        Guarded.insertOnce(mongo, new CostOrder(e.workOrderId().value(), e.estateId().value(), e.category().name(),
                e.zoneId().getId()));
    }

    @EventHandler
    void on(InspectionOrderOpened e) {
        Guarded.insertOnce(mongo, new CostOrder(e.workOrderId().value(), e.estateId().value(), e.category().name(),
                e.zoneId().getId()));
    }

    @EventHandler
    void on(WorkCompleted e, @SequenceNumber long sequence) {
        CostOrder order = mongo.findById(e.workOrderId().value(), CostOrder.class);
        if (order == null) {
            throw new IllegalStateException("Work order " + e.workOrderId() + " completed before it was reported");
        }
        String month = YearMonth.from(e.completedAt().atZone(ZoneId.of(order.zoneId()))).toString();
        Guarded.insertOnce(mongo, new CostLine(e.workOrderId().value() + ":" + sequence, order.estateId(),
                order.workOrderId(), order.category(), month, e.labourHours(), e.labourCost().amount(),
                e.materialsCost().amount(), e.labourCost().currency().getCurrencyCode()));
    }

    @EventHandler
    void on(MaintenanceBudgetSet e, @SequenceNumber long sequence) {
        String id = e.estateId().value() + ":" + e.year();
        if (mongo.findById(id, MaintenanceBudgetView.class) == null) {
            Guarded.insertOnce(mongo, new MaintenanceBudgetView(id, e.estateId().value(), e.year(), e.amount().amount(),
                    e.amount().currency().getCurrencyCode(), sequence));
        } else {
            Guarded.update(mongo, MaintenanceBudgetView.class, id, sequence, new Update()
                    .set("amount", e.amount().amount())
                    .set("currency", e.amount().currency().getCurrencyCode()));
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CostOrder.class);
        mongo.dropCollection(CostLine.class);
        mongo.dropCollection(MaintenanceBudgetView.class);
    }

    @QueryHandler
    MaintenanceCostReport handle(GetMaintenanceCost query) {
        String estate = query.estateId().value();
        List<CostLine> lines = mongo.find(Query.query(where("estateId").is(estate)
                .and("month").gte(query.year() + "-01").lte(query.year() + "-12")), CostLine.class);
        MaintenanceBudgetView budget = mongo.findById(estate + ":" + query.year(), MaintenanceBudgetView.class);

        Map<String, List<CostLine>> byMonthAndCategory = lines.stream()
                .sorted(Comparator.comparing(CostLine::month).thenComparing(CostLine::category))
                .collect(Collectors.groupingBy(l -> l.month() + "|" + l.category(), LinkedHashMap::new,
                        Collectors.toList()));
        List<Row> rows = new ArrayList<>();
        byMonthAndCategory.values().forEach(group -> rows.add(new Row(group.get(0).month(), group.get(0).category(),
                group.size(), sum(group, CostLine::labourHours), sum(group, CostLine::labourCost),
                sum(group, CostLine::materialsCost), sum(group, CostLine::labourCost)
                .add(sum(group, CostLine::materialsCost)))));

        BigDecimal spent = rows.stream().map(Row::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        String currency = budget != null ? budget.currency()
                : lines.stream().map(CostLine::currency).findFirst().orElse(null);
        BigDecimal remaining = budget == null ? null : budget.amount().subtract(spent);
        return new MaintenanceCostReport(estate, query.year(), currency, budget == null ? null : budget.amount(), spent,
                remaining, remaining == null ? null : remaining.signum() < 0, rows, totals(rows, Row::month),
                totals(rows, Row::category));
    }

    private static List<Total> totals(List<Row> rows, Function<Row, String> key) {
        Map<String, List<Row>> groups = rows.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.toList()));
        List<Total> totals = new ArrayList<>();
        groups.forEach((name, group) -> totals.add(new Total(name,
                group.stream().map(Row::labourCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                group.stream().map(Row::materialsCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                group.stream().map(Row::total).reduce(BigDecimal.ZERO, BigDecimal::add))));
        return totals;
    }

    private static BigDecimal sum(List<CostLine> lines, Function<CostLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}

package estate.projections.billing;

import estate.domain.billing.BillingQueries.FindFinanceReports;
import estate.domain.billing.BillingQueries.GetBudget;
import estate.domain.billing.BillingQueries.GetIncomeByItem;
import estate.domain.billing.EstateFinanceCommands.ReportLine;
import estate.domain.billing.EstateFinanceEvent.BudgetSet;
import estate.domain.billing.EstateFinanceEvent.FinanceReportPublished;
import estate.projections.billing.FinanceFigures.IncomeByItem;
import estate.projections.support.Guarded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Published finance reports and annual budgets; budget against actual at query time. */
@Component
@ProcessingGroup(EstateFinanceProjection.GROUP)
public class EstateFinanceProjection {

    public static final String GROUP = "estate-finance";

    private final MongoTemplate mongo;
    private final StatementProjection statements;

    public EstateFinanceProjection(MongoTemplate mongo, StatementProjection statements) {
        this.mongo = mongo;
        this.statements = statements;
    }

    @EventHandler
    void on(FinanceReportPublished event, @Timestamp Instant at) {
        Guarded.insertOnce(mongo, new FinanceReportView(event.estateId() + ":" + event.reportId(),
                event.estateId().value(), event.reportId(), event.from().toString(), event.to().toString(),
                event.totalIncome().currency().getCurrencyCode(), lines(event.income()), lines(event.expenses()),
                event.totalIncome().amount(), event.totalExpenses().amount(), event.balance().amount(),
                event.publishedBy(), at));
    }

    @EventHandler
    void on(BudgetSet event, @SequenceNumber long sequence) {
        String id = event.estateId() + "|" + event.year() + "|" + event.kind() + "|" + event.category();
        BudgetLineView current = mongo.findById(id, BudgetLineView.class);
        if (current != null && current.lastSequence() >= sequence) {
            return;
        }
        mongo.findAndReplace(Query.query(where("_id").is(id)), new BudgetLineView(id, event.estateId().value(),
                event.year(), event.kind().name(), event.category(), event.amount().amount(),
                event.amount().currency().getCurrencyCode(), sequence), FindAndReplaceOptions.options().upsert());
    }

    private static Map<String, BigDecimal> lines(List<ReportLine> lines) {
        Map<String, BigDecimal> map = new LinkedHashMap<>();
        lines.forEach(line -> map.merge(line.category(), line.amount().amount(), BigDecimal::add));
        return map;
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(FinanceReportView.class);
        mongo.dropCollection(BudgetLineView.class);
    }

    @QueryHandler
    List<FinanceReportView> handle(FindFinanceReports query) {
        return mongo.find(Query.query(where("estateId").is(query.estateId().value())).with(Sort.by("reportId")),
                FinanceReportView.class);
    }

    @QueryHandler
    BudgetView handle(GetBudget query) {
        List<BudgetLineView> budget = mongo.find(Query.query(where("estateId").is(query.estateId().value())
                .and("year").is(query.year())).with(Sort.by("kind", "category")), BudgetLineView.class);
        IncomeByItem income = statements.handle(new GetIncomeByItem(query.estateId(),
                YearMonth.of(query.year(), 1), YearMonth.of(query.year(), 12)));
        List<BudgetView.Line> lines = new ArrayList<>();
        String currency = income.currency();
        for (BudgetLineView line : budget) {
            currency = line.currency();
            BigDecimal actual = "INCOME".equals(line.kind())
                    ? income.income().getOrDefault(line.category(), BigDecimal.ZERO) : BigDecimal.ZERO;
            lines.add(new BudgetView.Line(line.kind(), line.category(), line.amount(), actual,
                    actual.subtract(line.amount())));
        }
        return new BudgetView(query.estateId().value(), query.year(), currency, lines);
    }
}

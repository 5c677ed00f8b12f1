package estate.application.dashboard;

import estate.api.errors.ApiException;
import estate.api.security.AccessGuard;
import estate.domain.billing.BillingQueries.GetArrearsAging;
import estate.domain.billing.BillingQueries.GetCollectionRate;
import estate.domain.billing.BillingQueries.GetEstateFinanceFigures;
import estate.domain.billing.BillingQueries.GetIncomeByItem;
import estate.domain.estates.EstateId;
import estate.domain.estates.EstateQueries.GetEstate;
import estate.domain.workorders.WorkOrderQueries.CountOpenWorkOrders;
import estate.projections.billing.FinanceFigures.ArrearsAging;
import estate.projections.billing.FinanceFigures.CollectionRate;
import estate.projections.billing.FinanceFigures.EstateFinanceFigures;
import estate.projections.billing.FinanceFigures.IncomeByItem;
import estate.projections.complaints.ComplaintCounts;
import estate.projections.complaints.ComplaintQueries.CountOpenComplaints;
import estate.projections.complaints.surveys.SatisfactionKpi;
import estate.projections.complaints.surveys.SurveyQueries.GetSatisfaction;
import estate.projections.estates.EstateView;
import estate.projections.workorders.WorkOrderCounts;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static estate.api.security.Caller.AUDITOR;
import static estate.api.security.Caller.MANAGER;

/**
 * The estate dashboard in one read: finance (arrears aging, this month's collection, income of the year so far),
 * work owed (open work orders, escalations), complaints, and the satisfaction KPI of the month. It lives in the
 * application module because it joins contexts that the architecture rules keep apart everywhere else. The
 * queries run concurrently; each answers from its own read model.
 */
@RestController
@Tag(name = "Dashboard", description = "An estate's figures in one read")
public class DashboardController {

    private static final Set<String> READERS = Set.of(MANAGER, AUDITOR);

    private final QueryGateway queries;
    private final AccessGuard guard;
    private final Clock clock;

    public DashboardController(QueryGateway queries, AccessGuard guard, Clock clock) {
        this.queries = queries;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Finance as of a day (default: today in the estate's time zone; months are the day's month); work orders and
     * complaints as they stand now (their read models hold the present, the audit issue adds history).
     */
    public record EstateDashboard(String estateId, String name, LocalDate asOf, String currency, Finance finance,
                                  WorkOrderCounts workOrders, ComplaintCounts complaints,
                                  SatisfactionKpi satisfaction) {
    }

    public record Finance(ArrearsAging arrears, CollectionRate collection, IncomeByItem incomeThisYear) {
    }

    @GetMapping("/api/estates/{estateId}/dashboard")
    public EstateDashboard dashboard(@PathVariable EstateId estateId,
                                     @RequestParam(required = false) LocalDate asOf) {
        guard.staffOf(estateId, READERS);
        EstateView estate = queries.query(new GetEstate(estateId), ResponseTypes.optionalInstanceOf(EstateView.class))
                .join().orElseThrow(() -> ApiException.notFound("estate-not-found", "No estate " + estateId));
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(ZoneId.of(estate.zoneId())));
        YearMonth month = YearMonth.from(day);
        CompletableFuture<EstateFinanceFigures> finance = queries.query(new GetEstateFinanceFigures(
                new GetArrearsAging(estateId, day), new GetCollectionRate(estateId, month),
                new GetIncomeByItem(estateId, month.withMonth(1), month)), EstateFinanceFigures.class);
        CompletableFuture<WorkOrderCounts> workOrders = queries.query(new CountOpenWorkOrders(estateId,
                clock.instant()), WorkOrderCounts.class);
        CompletableFuture<ComplaintCounts> complaints = queries.query(new CountOpenComplaints(estateId.value()),
                ComplaintCounts.class);
        CompletableFuture<SatisfactionKpi> satisfaction = queries.query(new GetSatisfaction(estateId.value(),
                month.toString()), SatisfactionKpi.class);
        CompletableFuture.allOf(finance, workOrders, complaints, satisfaction).join();
        EstateFinanceFigures figures = finance.join();
        return new EstateDashboard(estateId.value(), estate.name(), day, estate.currency(),
                new Finance(figures.arrears(), figures.collection(), figures.income()), workOrders.join(),
                complaints.join(), satisfaction.join());
    }
}

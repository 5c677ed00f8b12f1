package estate.application.billing;

import estate.domain.billing.BillRunCommands.CompleteBillRun;
import estate.domain.billing.BillRunCommands.RecordBillRunProgress;
import estate.application.lookup.CommandLookupProjection;
import estate.domain.billing.BillRunEvent.BillRunStarted;
import estate.domain.billing.BillRunId;
import estate.domain.billing.FeeCalculator;
import estate.domain.billing.FeeCalculator.Consumption;
import estate.domain.billing.FeeItem;
import estate.domain.billing.FeeScheduleTerms;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import estate.domain.owners.ChargeId;
import estate.domain.owners.LedgerLines.BillLine;
import estate.domain.owners.OwnerAccount.BillPosting;
import estate.domain.owners.OwnerAccountCommands.PostBill;
import estate.domain.owners.OwnerAccountId;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bills an estate for a period: every owner's holding of every unit in the period, every fee item that
 * applies to the unit's use, prorated by days and by rate changes, posted per account as one {@code PostBill}
 * whose lines have deterministic ids ({@code bill:<period>:<item>:<unit>}). Posting a line that is on the
 * account already does nothing, so a second run, or a run resumed after a crash, charges nothing twice.
 * Runs are executed one at a time in the background; unfinished runs are resumed at start-up.
 */
@Component
@ProcessingGroup(CommandLookupProjection.GROUP)
public class BillRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BillRunner.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final FeeSchedules schedules;
    private final int progressEvery;
    private final int parallelism;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(daemon("bill-runs"));
    private final ExecutorService posting;

    public BillRunner(CommandGateway commands, JdbcTemplate jdbc, FeeSchedules schedules,
                      @Value("${estate.billing.progress-every:500}") int progressEvery,
                      @Value("${estate.billing.parallelism:4}") int parallelism) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.progressEvery = progressEvery;
        this.parallelism = parallelism;
        this.posting = Executors.newFixedThreadPool(parallelism, daemon("bill-posting"));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * A run was started (by finance, through the API): execute it once the command that started it is
     * committed. This handler is part of the subscribing {@code command-lookups} group, so it sees the event in
     * the unit of work of that command.
     */
    @EventHandler
    void on(BillRunStarted event) {
        Runnable run = () -> executor.submit(() -> execute(event.billRunId(), event.estateId(), event.period()));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(u -> run.run());
        } else {
            run.run();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void resumeUnfinishedRuns() {
        jdbc.query("SELECT run_id, estate_id, period FROM billing_run WHERE status = 'RUNNING'", rs -> {
            BillRunId runId = new BillRunId(rs.getString(1));
            EstateId estateId = new EstateId(rs.getString(2));
            YearMonth period = YearMonth.parse(rs.getString(3));
            LOG.info("Resuming bill run {}", runId);
            executor.submit(() -> execute(runId, estateId, period));
        });
    }

    /**
     * Executes a run to the end; safe to repeat. Accounts are posted {@code parallelism} at a time (each posting
     * is one account's unit of work, so they do not contend), with progress recorded every
     * {@code progressEvery} accounts.
     */
    public void execute(BillRunId runId, EstateId estateId, YearMonth period) {
        try {
            FeeScheduleTerms terms = schedules.of(estateId).orElseThrow();
            Map<String, List<Holding>> byAccount = holdings(estateId, period);
            Map<String, List<Consumption>> consumption = consumption(estateId, period);
            LocalDate dueDate = period.atDay(terms.policy().dueDayOfMonth());
            Totals totals = new Totals(currencyZero(terms));
            Semaphore inFlight = new Semaphore(parallelism * 4);
            List<Future<?>> pending = new ArrayList<>();
            int submitted = 0;
            for (Map.Entry<String, List<Holding>> account : byAccount.entrySet()) {
                List<BillLine> lines = lines(terms, period, dueDate, account.getValue(), consumption);
                inFlight.acquire();
                pending.add(posting.submit(() -> {
                    try {
                        if (!lines.isEmpty()) {
                            post(new OwnerAccountId(account.getKey()), runId, period, lines, totals);
                        }
                    } finally {
                        inFlight.release();
                    }
                }));
                if (++submitted % progressEvery == 0) {
                    await(pending);
                    commands.sendAndWait(new RecordBillRunProgress(runId, submitted, byAccount.size(),
                            totals.charged(), totals.already(), totals.amount()));
                }
            }
            await(pending);
            commands.sendAndWait(new CompleteBillRun(runId, byAccount.size(), totals.skipped(), totals.charged(),
                    totals.already(), totals.amount()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            LOG.error("Bill run {} stopped; it resumes at the next start", runId, e);
        }
    }

    private static void await(List<Future<?>> pending) throws InterruptedException, ExecutionException {
        for (Future<?> future : pending) {
            future.get();
        }
        pending.clear();
    }

    private void post(OwnerAccountId account, BillRunId runId, YearMonth period, List<BillLine> lines, Totals totals) {
        try {
            BillPosting posting = commands.sendAndWait(new PostBill(account, runId.value(), period, lines));
            totals.add(posting);
        } catch (CommandExecutionException e) {
            if (e.getDetails().filter(d -> d instanceof DomainRuleViolation.Details details
                    && details.code().equals("account-closed")).isPresent()) {
                totals.skip();
                return;
            }
            throw e;
        }
    }

    static List<BillLine> lines(FeeScheduleTerms terms, YearMonth period, LocalDate dueDate, List<Holding> holdings,
                                Map<String, List<Consumption>> consumption) {
        Map<String, BillLine> lines = new LinkedHashMap<>();
        for (Holding holding : holdings) {
            for (FeeItem item : terms.items()) {
                if (!item.appliesTo().contains(holding.use())) {
                    continue;
                }
                List<Consumption> readings = consumption.getOrDefault(holding.unitId() + "|" + item.code(), List.of());
                FeeCalculator.line(item, period, holding.floorArea(), holding.from(), holding.to(), readings)
                        .filter(line -> line.amount().isPositive())
                        .ifPresent(line -> {
                            ChargeId chargeId = new ChargeId("bill:" + period + ":" + item.code() + ":"
                                    + holding.unitId());
                            BillLine next = new BillLine(chargeId, item.code(), item.order(), line.amount(), dueDate,
                                    new UnitId(holding.unitId()), item.name() + " " + period + ": " + line.basis());
                            lines.merge(chargeId.value(), next, (a, b) -> new BillLine(a.chargeId(), a.feeItem(),
                                    a.itemOrder(), a.amount().plus(b.amount()), a.dueDate(), a.unitId(),
                                    a.description() + "; " + b.description()));
                        });
            }
        }
        return new ArrayList<>(lines.values());
    }

    record Holding(String accountId, String unitId, LocalDate from, LocalDate to, BigDecimal floorArea, UnitUse use) {
    }

    private Map<String, List<Holding>> holdings(EstateId estateId, YearMonth period) {
        Map<String, List<Holding>> byAccount = new LinkedHashMap<>();
        jdbc.query("SELECT h.account_id, h.unit_id, h.from_date, h.to_date, u.floor_area, u.unit_use "
                        + "FROM lookup_unit_holding h JOIN lookup_unit u ON u.unit_id = h.unit_id "
                        + "WHERE u.estate_id = ? AND h.holder_type = 'OWNER' "
                        + "AND (h.from_date IS NULL OR h.from_date <= ?) AND (h.to_date IS NULL OR h.to_date >= ?) "
                        + "ORDER BY h.account_id, h.unit_id",
                rs -> {
                    Date from = rs.getDate(3);
                    Date to = rs.getDate(4);
                    Holding holding = new Holding(rs.getString(1), rs.getString(2),
                            from == null ? null : from.toLocalDate(), to == null ? null : to.toLocalDate(),
                            rs.getBigDecimal(5), UnitUse.valueOf(rs.getString(6)));
                    byAccount.computeIfAbsent(holding.accountId(), a -> new ArrayList<>()).add(holding);
                }, estateId.value(), Date.valueOf(period.atEndOfMonth()), Date.valueOf(period.atDay(1)));
        return byAccount;
    }

    private Map<String, List<Consumption>> consumption(EstateId estateId, YearMonth period) {
        Map<String, List<Consumption>> byUnitAndItem = new HashMap<>();
        jdbc.query("SELECT m.unit_id, m.item_code, m.read_on, m.consumption FROM lookup_meter_consumption m "
                        + "JOIN lookup_unit u ON u.unit_id = m.unit_id WHERE u.estate_id = ? AND m.read_on BETWEEN ? AND ?",
                rs -> {
                    byUnitAndItem.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                            .add(new Consumption(rs.getDate(3).toLocalDate(), rs.getBigDecimal(4)));
                }, estateId.value(), Date.valueOf(period.atDay(1)), Date.valueOf(period.atEndOfMonth()));
        return byUnitAndItem;
    }

    private static Money currencyZero(FeeScheduleTerms terms) {
        return terms.items().stream().flatMap(i -> i.rates().stream()).findFirst()
                .map(r -> Money.zero(r.currency()))
                .orElseThrow(() -> new IllegalStateException("A fee schedule without rates cannot bill"));
    }

    /** Running totals of a run, added to from the posting threads. */
    private static final class Totals {
        private int skipped;
        private int charged;
        private int already;
        private Money amount;

        Totals(Money zero) {
            this.amount = zero;
        }

        synchronized void add(BillPosting posting) {
            charged += posting.charged();
            already += posting.alreadyCharged();
            amount = amount.plus(posting.amount());
        }

        synchronized void skip() {
            skipped++;
        }

        synchronized int skipped() {
            return skipped;
        }

        synchronized int charged() {
            return charged;
        }

        synchronized int already() {
            return already;
        }

        synchronized Money amount() {
            return amount;
        }
    }
}

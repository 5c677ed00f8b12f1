package estate.application.billing;

import estate.domain.billing.BillRunCommands.CompleteBillRun;
import estate.domain.billing.BillRunCommands.RecordBillRunProgress;
import estate.application.lookup.CommandLookupProjection;
import estate.application.store.PrefetchingJdbcEventStorageEngine;
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
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 * Runs are executed in the background, {@code estate.billing.concurrent-runs} (2) at a time, their batches sharing
 * the {@code estate.billing.parallelism} posting threads; unfinished runs are resumed at start-up.
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
    private final int batchSize;
    private final TransactionManager transactionManager;
    private final ExecutorService executor;
    private final ExecutorService posting;
    /** The JDBC event store, which reads a batch's accounts at once; null on Axon Server. */
    private final PrefetchingJdbcEventStorageEngine prefetching;

    public BillRunner(CommandGateway commands, JdbcTemplate jdbc, FeeSchedules schedules,
                      TransactionManager transactionManager, ObjectProvider<EventStorageEngine> storageEngine,
                      @Value("${estate.billing.progress-every:500}") int progressEvery,
                      @Value("${estate.billing.parallelism:2}") int parallelism,
                      @Value("${estate.billing.batch-size:100}") int batchSize,
                      @Value("${estate.billing.concurrent-runs:2}") int concurrentRuns) {
        this.commands = commands;
        this.transactionManager = transactionManager;
        this.batchSize = batchSize;
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.progressEvery = progressEvery;
        this.parallelism = parallelism;
        this.posting = Executors.newFixedThreadPool(parallelism, daemon("bill-posting"));
        // while one run reads its estate's holdings or waits for its last batches, another one posts
        this.executor = Executors.newFixedThreadPool(concurrentRuns, daemon("bill-runs"));
        this.prefetching = storageEngine.getIfAvailable() instanceof PrefetchingJdbcEventStorageEngine engine
                ? engine : null;
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
     * Executes a run to the end; safe to repeat. Lines already on an account (by the command-side lookup of
     * charges) are not posted again; the others are posted in batches of {@code batchSize} accounts, each batch
     * one unit of work and one transaction, {@code parallelism} batches at a time. Progress is recorded every
     * {@code progressEvery} accounts, counting only batches that are done and all before them done too.
     */
    public void execute(BillRunId runId, EstateId estateId, YearMonth period) {
        try {
            FeeScheduleTerms terms = schedules.of(estateId).orElseThrow();
            Map<String, List<Holding>> byAccount = holdings(estateId, period);
            Map<String, List<Consumption>> consumption = consumption(estateId, period);
            Map<String, Set<String>> onAccounts = chargedAlready(estateId, period);
            LocalDate dueDate = period.atDay(terms.policy().dueDayOfMonth());
            Money zero = currencyZero(terms);
            Totals totals = new Totals(zero);
            Semaphore inFlight = new Semaphore(parallelism + 1);
            ArrayDeque<Future<Totals>> pending = new ArrayDeque<>();
            Progress progress = new Progress(runId, byAccount.size(), totals);
            Totals known = new Totals(zero);
            List<AccountBill> batch = new ArrayList<>(batchSize);
            for (Map.Entry<String, List<Holding>> account : byAccount.entrySet()) {
                List<BillLine> lines = lines(terms, period, dueDate, account.getValue(), consumption);
                Set<String> charged = onAccounts.getOrDefault(account.getKey(), Set.of());
                List<BillLine> toPost = charged.isEmpty() ? lines
                        : lines.stream().filter(line -> !charged.contains(line.chargeId().value())).toList();
                known.accounts++;
                known.already += lines.size() - toPost.size();
                if (!toPost.isEmpty()) {
                    batch.add(new AccountBill(new OwnerAccountId(account.getKey()), toPost));
                }
                if (known.accounts == batchSize) {
                    submit(runId, period, batch, known, zero, inFlight, pending);
                    batch = new ArrayList<>(batchSize);
                    known = new Totals(zero);
                }
                progress.collect(pending, false);
            }
            submit(runId, period, batch, known, zero, inFlight, pending);
            progress.collect(pending, true);
            commands.sendAndWait(new CompleteBillRun(runId, byAccount.size(), totals.skipped, totals.charged,
                    totals.already, totals.amount));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ExecutionException e) {
            LOG.error("Bill run {} stopped; it resumes at the next start", runId, e);
        }
    }

    /** One account's lines not yet on the account (as far as the lookup knows). */
    record AccountBill(OwnerAccountId accountId, List<BillLine> lines) {
    }

    private void submit(BillRunId runId, YearMonth period, List<AccountBill> batch, Totals known, Money zero,
                        Semaphore inFlight, ArrayDeque<Future<Totals>> pending) throws InterruptedException {
        if (known.accounts == 0) {
            return;
        }
        if (batch.isEmpty()) {
            pending.add(CompletableFuture.completedFuture(known));
            return;
        }
        inFlight.acquire();
        pending.add(posting.submit(() -> {
            try {
                Totals result = postBatch(runId, period, batch, zero);
                result.accounts = known.accounts;
                result.already += known.already;
                return result;
            } finally {
                inFlight.release();
            }
        }));
    }

    /**
     * Posts a batch in one unit of work and one transaction. If anything in it fails, nothing of it is stored,
     * and its accounts are posted one by one: the others are charged, and the failing account is reported.
     */
    Totals postBatch(BillRunId runId, YearMonth period, List<AccountBill> batch, Money zero) {
        if (batch.size() > 1) {
            try {
                return inOneUnitOfWork(runId, period, batch, zero);
            } catch (RuntimeException e) {
                LOG.warn("Bill run {}: a batch of {} accounts failed ({}); posting its accounts one by one", runId,
                        batch.size(), e.toString());
            }
        }
        Totals totals = new Totals(zero);
        AccountNotBilled failed = null;
        for (AccountBill bill : batch) {
            try {
                post(bill, runId, period, totals);
            } catch (RuntimeException e) {
                AccountNotBilled failure = new AccountNotBilled(runId, bill.accountId(), e);
                if (failed == null) {
                    failed = failure;
                } else {
                    failed.addSuppressed(failure);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return totals;
    }

    private Totals inOneUnitOfWork(BillRunId runId, YearMonth period, List<AccountBill> batch, Money zero) {
        Totals totals = new Totals(zero);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(
                new GenericMessage<>("bill run " + runId + ": " + batch.size() + " accounts"));
        unitOfWork.attachTransaction(transactionManager);
        try {
            prefetch(batch);
            try {
                for (AccountBill bill : batch) {
                    post(bill, runId, period, totals);
                }
            } finally {
                // before the commit: the snapshotter, after it on this thread, reads the store itself
                if (prefetching != null) {
                    prefetching.clear();
                }
            }
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
        return totals;
    }

    /**
     * Reads the batch's accounts (snapshots and events) in two queries, in the batch's transaction, instead of two or
     * three per account. An account changed by another command after this read is loaded one version behind: its
     * charge then collides with the stored event, and the batch is posted again account by account (above).
     */
    private void prefetch(List<AccountBill> batch) {
        if (prefetching != null) {
            prefetching.prefetch(batch.stream().map(bill -> bill.accountId().value()).toList());
        }
    }

    private void post(AccountBill bill, BillRunId runId, YearMonth period, Totals totals) {
        try {
            BillPosting posting = commands.sendAndWait(new PostBill(bill.accountId(), runId.value(), period,
                    bill.lines()));
            totals.add(posting);
        } catch (CommandExecutionException e) {
            if (e.getDetails().filter(d -> d instanceof DomainRuleViolation.Details details
                    && details.code().equals("account-closed")).isPresent()) {
                totals.skipped++;
                return;
            }
            throw e;
        }
    }

    /** An account of a run could not be billed: the run stops there and resumes at the next start. */
    static final class AccountNotBilled extends RuntimeException {
        AccountNotBilled(BillRunId runId, OwnerAccountId accountId, Throwable cause) {
            super("Bill run " + runId + ": account " + accountId + " could not be billed: " + cause.getMessage(),
                    cause);
        }
    }

    /** Records progress as batches complete, in the order they were submitted. */
    private final class Progress {
        private final BillRunId runId;
        private final int total;
        private final Totals totals;
        private int nextReport;

        Progress(BillRunId runId, int total, Totals totals) {
            this.runId = runId;
            this.total = total;
            this.totals = totals;
            this.nextReport = progressEvery;
        }

        /** Adds the batches done at the head of the queue (all of them if {@code all}) and records progress. */
        void collect(ArrayDeque<Future<Totals>> pending, boolean all) throws InterruptedException, ExecutionException {
            while (!pending.isEmpty() && (all || pending.peek().isDone())) {
                totals.add(pending.poll().get());
                if (totals.accounts >= nextReport && totals.accounts < total) {
                    commands.sendAndWait(new RecordBillRunProgress(runId, totals.accounts, total, totals.charged,
                            totals.already, totals.amount));
                    while (nextReport <= totals.accounts) {
                        nextReport += progressEvery;
                    }
                }
            }
        }
    }

    /** Lines of the period already on each account, by the command-side lookup (only open accounts). */
    private Map<String, Set<String>> chargedAlready(EstateId estateId, YearMonth period) {
        Map<String, Set<String>> byAccount = new HashMap<>();
        jdbc.query("SELECT account_id, charge_id FROM lookup_charge WHERE estate_id = ? AND period = ?",
                rs -> {
                    byAccount.computeIfAbsent(rs.getString(1), a -> new HashSet<>()).add(rs.getString(2));
                }, estateId.value(), period.toString());
        return byAccount;
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

    /** Totals of a batch, or of a run's batches done so far; each belongs to one thread at a time. */
    static final class Totals {
        int accounts;
        int skipped;
        int charged;
        int already;
        Money amount;

        Totals(Money zero) {
            this.amount = zero;
        }

        void add(BillPosting posting) {
            charged += posting.charged();
            already += posting.alreadyCharged();
            amount = amount.plus(posting.amount());
        }

        void add(Totals other) {
            accounts += other.accounts;
            skipped += other.skipped;
            charged += other.charged;
            already += other.already;
            amount = amount.plus(other.amount);
        }
    }
}

package estate.application.benchmark;

import estate.application.EstateApplication;
import estate.application.support.TestStores;
import estate.domain.billing.BillRunCommands.StartBillRun;
import estate.domain.billing.BillRunId;
import estate.domain.billing.FeeBasis;
import estate.domain.billing.FeeScheduleCommands.DefineFeeItem;
import estate.domain.billing.FeeScheduleCommands.SetFeeRate;
import estate.domain.billing.FeeScheduleId;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateCommands.AddBuilding;
import estate.domain.estates.EstateCommands.RegisterEstate;
import estate.domain.estates.EstateCommands.RegisterUnit;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import estate.domain.owners.ContactDetails;
import estate.domain.owners.HolderType;
import estate.domain.owners.OwnerAccountCommands.OpenAccount;
import estate.domain.owners.OwnerAccountId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bill run over a generated estate (sizes 40-180 m², one owner account per unit, area-based property fee
 * and fixed parking): time and events/s of the first run, and of the re-run that charges nothing. Not a test:
 * run with {@code ./mvnw -q -DskipTests install && ./mvnw -pl application test -Pbenchmark -Dbench.units=10000}.
 * Results go to {@code application/target/benchmarks/bill-run.txt}.
 */
@Tag("benchmark")
@SpringBootTest(classes = EstateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BillRunBenchmark {

    private static final Path DATA = TestStores.newDataDir();
    private static final Currency CNY = Currency.getInstance("CNY");

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.properties(DATA).forEach((key, value) -> registry.add(key, () -> value));
        // setup only (the estate is not touched by a bill run): no snapshot of a 100,000-unit estate every 100 units
        registry.add("estate.snapshot.estate-threshold", () -> Integer.MAX_VALUE);
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    EventProcessingConfiguration processing;

    private static final int SETUP_BATCH = 200;

    @Test
    void billRun() throws Exception {
        int units = Integer.getInteger("bench.units", 10_000);
        EstateId estate = new EstateId("bench");
        long setupStart = System.nanoTime();
        generate(estate, units);
        double setupSeconds = seconds(setupStart);
        long quietStart = System.nanoTime();
        boolean caughtUp = awaitProjections();
        double catchUpSeconds = seconds(quietStart);

        long eventsBefore = events();
        long start = System.nanoTime();
        String first = run(estate, YearMonth.parse("2026-12"));
        double firstSeconds = seconds(start);
        long firstEvents = events() - eventsBefore;

        long eventsBeforeRerun = events();
        long rerunStart = System.nanoTime();
        String rerun = run(estate, YearMonth.parse("2026-12"));
        double rerunSeconds = seconds(rerunStart);
        long rerunEvents = events() - eventsBeforeRerun;

        jdbc.execute("CHECKPOINT");
        long diskBytes = Files.size(DATA.resolve("eventstore.mv.db"));
        long storedEvents = events();
        long charges = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%FeeCharged'",
                Long.class);
        String report = String.format(Locale.ROOT, """
                bill run benchmark (%s, %d cores, embedded H2 file store WRITE_DELAY=0)
                units / owner accounts           %d
                setup (commands in-process)      %.1f s (then %.1f s waiting for the projections: %s)
                first run: time                  %.1f s
                first run: events                %d (%.0f events/s), FeeCharged in store %d
                first run: summary               %s
                re-run: time                     %.1f s
                re-run: events                   %d
                re-run: summary                  %s
                event store file                 %d bytes, %d events, %d bytes/event (while running)
                """, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), units,
                setupSeconds, catchUpSeconds,
                caughtUp ? "caught up" : "still behind, run started anyway", firstSeconds, firstEvents, firstEvents / firstSeconds, charges, first, rerunSeconds,
                rerunEvents, rerun, diskBytes, storedEvents, diskBytes / storedEvents);
        System.out.println(report);
        Path out = Path.of("target/benchmarks/bill-run.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(charges).isEqualTo(units + units / 10);
    }

    private String run(EstateId estate, YearMonth period) throws InterruptedException {
        BillRunId runId = new BillRunId("billrun:bench:" + period + ":" + System.nanoTime());
        commands.sendAndWait(new StartBillRun(runId, estate, period, "benchmark"));
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            String status = jdbc.queryForObject("SELECT status FROM billing_run WHERE run_id = ?", String.class,
                    runId.value());
            if ("COMPLETED".equals(status)) {
                return jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "AND payloadType LIKE '%BillRunCompleted'", (rs, i) -> new String(rs.getBytes(1)),
                        runId.value());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The bill run did not complete in 30 minutes");
    }

    /** An estate of {@code units} units in buildings of 200, every tenth also a parking space, all owned. */
    private void generate(EstateId estate, int units) throws Exception {
        commands.sendAndWait(new RegisterEstate(estate, "Benchmark Garden", "1 Benchmark Road",
                ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY")));
        FeeScheduleId schedule = FeeScheduleId.of(estate);
        commands.sendAndWait(new DefineFeeItem(schedule, estate, "PROPERTY_FEE", "Property fee", FeeBasis.AREA,
                Set.of(UnitUse.RESIDENTIAL), 1));
        commands.sendAndWait(new SetFeeRate(schedule, "PROPERTY_FEE", LocalDate.parse("2026-01-01"),
                new BigDecimal("2.80"), CNY, "benchmark"));
        commands.sendAndWait(new SetFeeRate(schedule, "PROPERTY_FEE", LocalDate.parse("2026-12-16"),
                new BigDecimal("3.10"), CNY, "benchmark: a rate change mid-period"));
        commands.sendAndWait(new DefineFeeItem(schedule, estate, "PARKING", "Parking", FeeBasis.FIXED,
                Set.of(UnitUse.PARKING), 2));
        commands.sendAndWait(new SetFeeRate(schedule, "PARKING", LocalDate.parse("2026-01-01"),
                new BigDecimal("150.00"), CNY, "benchmark"));
        Random random = new Random(42);
        List<Object> registrations = new ArrayList<>();
        List<Object> openings = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            int building = i / 200;
            if (i % 200 == 0) {
                registrations.add(new AddBuilding(estate, new BuildingId("b" + building), "Building " + building,
                        40));
            }
            BigDecimal area = BigDecimal.valueOf(4000 + random.nextInt(14001), 2);
            registrations.add(new RegisterUnit(estate, new UnitId("u" + i), new BuildingId("b" + building),
                    building + "-" + i, 1 + random.nextInt(40), area, UnitUse.RESIDENTIAL));
            List<UnitId> held = new ArrayList<>(List.of(new UnitId("u" + i)));
            if (i % 10 == 0) {
                registrations.add(new RegisterUnit(estate, new UnitId("p" + i), new BuildingId("b" + building),
                        "P-" + i, -1, new BigDecimal("12.50"), UnitUse.PARKING));
                held.add(new UnitId("p" + i));
            }
            openings.add(new OpenAccount(new OwnerAccountId("a" + i), estate, HolderType.OWNER,
                    new ContactDetails("Owner " + i, "1380000" + String.format("%04d", i % 10000), null), held,
                    null, null));
        }
        // the units of one estate one after the other (one aggregate), the accounts on two threads; each batch of
        // commands in one unit of work and one transaction (the setup is not what is measured)
        sendInBatches(registrations, 1);
        sendInBatches(openings, 2);
    }

    private void sendInBatches(List<Object> all, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> sent = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SETUP_BATCH) {
            List<Object> batch = all.subList(from, Math.min(all.size(), from + SETUP_BATCH));
            sent.add(pool.submit(() -> {
                UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("benchmark setup"));
                unitOfWork.attachTransaction(transactionManager);
                try {
                    batch.forEach(commands::sendAndWait);
                } catch (RuntimeException e) {
                    unitOfWork.rollback(e);
                    throw e;
                }
                unitOfWork.commit();
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
    }

    /**
     * Starts the run with the projections caught up, so that it does not compete with the setup's backlog; waits
     * at most {@code bench.catch-up-minutes} (30).
     */
    private boolean awaitProjections() throws InterruptedException {
        long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        long deadline = System.nanoTime() + Duration.ofMinutes(Integer.getInteger("bench.catch-up-minutes", 30))
                .toNanos();
        while (System.nanoTime() < deadline) {
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .allMatch(p -> p.processingStatus().values().stream()
                            .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head));
            if (caughtUp) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

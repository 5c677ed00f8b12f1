package estate.application.benchmark;

import estate.application.EstateApplication;
import estate.application.complaints.ComplaintWorkOrderProcess;
import estate.application.support.TestStores;
import estate.application.workorders.InspectionRoundProcess;
import estate.application.workorders.RepairChargeProcess;
import estate.domain.complaints.Channel;
import estate.domain.complaints.ComplaintCategory;
import estate.domain.complaints.ComplaintCommands.AcknowledgeComplaint;
import estate.domain.complaints.ComplaintCommands.ReceiveComplaint;
import estate.domain.complaints.ComplaintId;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateCommands.AddBuilding;
import estate.domain.estates.EstateCommands.RegisterEstate;
import estate.domain.estates.EstateCommands.RegisterUnit;
import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.estates.UnitUse;
import estate.domain.owners.ChargeId;
import estate.domain.owners.ContactDetails;
import estate.domain.owners.HolderType;
import estate.domain.owners.OwnerAccountCommands.ChargeFee;
import estate.domain.owners.OwnerAccountCommands.OpenAccount;
import estate.domain.owners.OwnerAccountCommands.RecordPayment;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.PaymentChannel;
import estate.domain.owners.PaymentId;
import estate.domain.shared.Money;
import estate.domain.workorders.Category;
import estate.domain.workorders.Location;
import estate.domain.workorders.Priority;
import estate.domain.workorders.ReportSource;
import estate.domain.workorders.WorkOrderCommands.ReportWorkOrder;
import estate.domain.workorders.WorkOrderCommands.TriageWorkOrder;
import estate.domain.workorders.WorkOrderId;
import estate.projections.owners.AccountBalanceProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-replay throughput of the read side (issue 4). Seeds a realistic log through the command gateway (owner
 * accounts with monthly charges and payments, some work orders and complaints), then measures, in events/s over
 * the whole log: (a) every streaming processor that is rebuilt at start (tokens in MongoDB) reset and caught up
 * at the head; (b) {@code account-balance} alone; (c) no-op processors with the same settings — one alone, and
 * as many as (a) at once: the ceiling; (d) the raw {@code EventStore.openStream} read, with and without payload
 * deserialization.
 * <p>
 * Not a test: {@code ./mvnw -q -o -pl application -am test -Pbenchmark -Dtest=ReplayBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.accounts=2000] [-Dbench.runs=2]}. The seeded event store is
 * kept in {@code application/target/bench-replay-data} and reused by the next run (delete it, or
 * {@code -Dbench.reseed=true}, to seed again). Results go to {@code application/target/benchmarks/replay.txt}.
 */
@Tag("benchmark")
@Import(ReplayBenchmark.NoOpProcessors.class)
@SpringBootTest(classes = EstateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplayBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("bench.accounts", 2000);
    private static final int MONTHS = 12;
    private static final Path DATA = dataDir();
    private static final Currency CNY = Currency.getInstance("CNY");
    private static final EstateId ESTATE = new EstateId("bench");
    /** Processors with JDBC tokens (process managers): not rebuilt at start, so not replayed here. */
    private static final Set<String> NOT_REPLAYED = Set.of(RepairChargeProcess.GROUP, InspectionRoundProcess.GROUP,
            ComplaintWorkOrderProcess.GROUP);
    private static final String NOOP = "bench-noop-";
    static final int NOOPS = Integer.getInteger("bench.noops", 17);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.properties(DATA).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("estate.workorders.sla-sweep-interval", () -> "PT24H");
        registry.add("estate.workorders.inspection-interval", () -> "PT24H");
    }

    private static Path dataDir() {
        Path dir = Path.of("target/bench-replay-data").toAbsolutePath();
        try {
            if (Boolean.getBoolean("bench.reseed") && Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return dir;
    }

    /** No-op processors over the same log with the settings of {@code account-balance}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoOpProcessors {

        @Bean
        ConfigurerModule noOpProcessors(Environment env) {
            String prefix = "axon.eventhandling.processors." + AccountBalanceProjection.GROUP + ".";
            int batch = env.getProperty(prefix + "batch-size", Integer.class, 1);
            int threads = env.getProperty(prefix + "thread-count", Integer.class, 1);
            int segments = env.getProperty(prefix + "initial-segment-count", Integer.class, threads);
            String mode = env.getProperty(prefix + "mode", "tracking");
            return configurer -> {
                for (int i = 0; i < NOOPS; i++) {
                    String name = NOOP + i;
                    NoOp handler = new NoOp();
                    if (mode.equals("pooled")) {
                        configurer.eventProcessing().registerPooledStreamingEventProcessor(name,
                                c -> c.eventStore(), (c, b) -> b.batchSize(batch).initialSegmentCount(segments)
                                        .maxClaimedSegments(segments));
                    } else {
                        configurer.eventProcessing().registerTrackingEventProcessor(name, c -> c.eventStore(),
                                c -> TrackingEventProcessorConfiguration.forParallelProcessing(threads)
                                        .andInitialSegmentsCount(segments).andBatchSize(batch));
                    }
                    configurer.eventProcessing().registerEventHandler(c -> handler)
                            .assignHandlerInstancesMatching(name, h -> h == handler);
                }
            };
        }
    }

    /** Handles every event and does nothing. */
    static final class NoOp {
        @EventHandler
        void on(Object event) {
            // nothing: the ceiling of the processor machinery
        }
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void replay() throws Exception {
        long setupStart = System.nanoTime();
        long head = head();
        boolean seeded = head < 0;
        if (seeded) {
            seed();
            head = head();
        }
        double setupSeconds = seconds(setupStart);
        String types = eventTypes(head);
        long events = counted;
        List<StreamingEventProcessor> real = replayed();
        List<StreamingEventProcessor> noops = processors().stream().filter(p -> p.getName().startsWith(NOOP))
                .toList();
        long startWait = System.nanoTime();
        awaitHead(allOf(real, noops), head);
        double startupSeconds = seconds(startWait);

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, """
                replay benchmark (Java %s, %d cores, embedded H2 file store + in-process MongoDB server)
                events in the log                %d (%s)
                setup                            %.1f s (%s)
                start-up catch-up after setup    %.1f s
                replayed processors (%d)         %s
                account-balance settings         %s
                """, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), events,
                types, setupSeconds, seeded ? "seeded through the command gateway" : "reused", startupSeconds,
                real.size(), real.stream().map(EventProcessor::getName).sorted().collect(Collectors.joining(",")),
                describe(processor(AccountBalanceProjection.GROUP))));

        int runs = Integer.getInteger("bench.runs", 2);
        for (int run = 1; run <= runs; run++) {
            report.append(line("(d) raw openStream, payload type only", events, rawRead(head, false)));
            report.append(line("(d) raw openStream, payload deserialized", events, rawRead(head, true)));
            report.append(line("(b) account-balance alone", events,
                    rebuild(List.of(processor(AccountBalanceProjection.GROUP)), head)));
            report.append(line("(c) 1 no-op processor alone", events, rebuild(noops.subList(0, 1), head)));
            report.append(line("(c) " + noops.size() + " no-op processors at once (ceiling)", events,
                    rebuild(noops, head)));
            report.append(line("(a) all " + real.size() + " replayed processors at once", events,
                    rebuild(real, head)));
        }
        System.out.println(report);
        Path out = Path.of("target/benchmarks/replay.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        assertThat(events).isGreaterThan(ACCOUNTS * 20L);
    }

    private static String line(String what, long events, double seconds) {
        return String.format(Locale.ROOT, "%-48s %7.2f s  %,9.0f events/s%n", what, seconds, events / seconds);
    }

    private double rebuild(List<StreamingEventProcessor> processors, long head) throws Exception {
        for (StreamingEventProcessor p : processors) {
            p.shutdownAsync().get(1, TimeUnit.MINUTES);
        }
        for (StreamingEventProcessor p : processors) {
            p.resetTokens();
        }
        long start = System.nanoTime();
        processors.forEach(StreamingEventProcessor::start);
        awaitHead(processors, head);
        return seconds(start);
    }

    private static void awaitHead(Collection<StreamingEventProcessor> processors, long head) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(30).toNanos();
        long nextReport = start + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (processors.stream().allMatch(p -> atHead(p, head))) {
                return;
            }
            if (System.nanoTime() > nextReport) {
                nextReport += Duration.ofSeconds(30).toNanos();
                StringBuilder waiting = new StringBuilder("head " + head + "\n");
                processors.stream().filter(p -> !atHead(p, head)).forEach(p -> waiting.append("waiting for ")
                        .append(p.getName()).append(' ').append(p.processingStatus()).append('\n'));
                try {
                    Files.createDirectories(Path.of("target/benchmarks"));
                    Files.writeString(Path.of("target/benchmarks/replay-waiting.txt"), waiting);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Not caught up in 30 minutes");
    }

    private static boolean atHead(StreamingEventProcessor p, long head) {
        var status = p.processingStatus();
        return !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp()
                && !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
    }

    private double rawRead(long head, boolean deserialize) {
        long start = System.nanoTime();
        long count = 0;
        int hash = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (true) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                count++;
                hash += deserialize ? event.getPayload().hashCode() : event.getPayloadType().hashCode();
                if (event.trackingToken().position().orElse(-1) >= head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(count).isEqualTo(counted);
        return seconds(start) + (hash == 42 ? 1e-9 : 0);
    }

    private long head() {
        return eventStore.createHeadToken() == null ? -1
                : eventStore.createHeadToken().position().orElse(-1);
    }

    private long counted;

    private String eventTypes(long head) {
        var counts = new java.util.TreeMap<String, Long>();
        try (var stream = eventStore.openStream(null)) {
            while (true) {
                counted++;
                TrackedEventMessage<?> event = stream.nextAvailable();
                counts.merge(event.getPayloadType().getSimpleName(), 1L, Long::sum);
                if (event.trackingToken().position().orElse(-1) >= head) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return counts.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(8)
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    private List<StreamingEventProcessor> replayed() {
        return processors().stream().filter(p -> !p.getName().startsWith(NOOP) && !NOT_REPLAYED.contains(p.getName()))
                .toList();
    }

    private StreamingEventProcessor processor(String name) {
        return processors().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    private static String describe(StreamingEventProcessor p) {
        return p.getClass().getSimpleName() + (p instanceof PooledStreamingEventProcessor ? "" : "")
                + ", segments claimed " + p.processingStatus().size();
    }

    private static List<StreamingEventProcessor> allOf(List<StreamingEventProcessor> a, List<StreamingEventProcessor> b) {
        List<StreamingEventProcessor> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * One estate; {@code bench.accounts} units and owner accounts; per account 12 monthly property fees and
     * 10 payments (each {@code PaymentReceived} + {@code PaymentAllocated}); one work order (reported, triaged)
     * per 2 accounts and one complaint (received, acknowledged) per 4. About 34 events per account.
     */
    private void seed() throws Exception {
        commands.sendAndWait(new RegisterEstate(ESTATE, "Replay Garden", "1 Replay Road", ZoneId.of("Asia/Shanghai"),
                CNY));
        for (int i = 0; i < ACCOUNTS; i++) {
            int building = i / 200;
            if (i % 200 == 0) {
                commands.sendAndWait(new AddBuilding(ESTATE, new BuildingId("b" + building), "Building " + building,
                        40));
            }
            commands.sendAndWait(new RegisterUnit(ESTATE, new UnitId("u" + i), new BuildingId("b" + building),
                    building + "-" + i, 1 + i % 40, new BigDecimal("95.50"), UnitUse.RESIDENTIAL));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < ACCOUNTS; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                OwnerAccountId account = new OwnerAccountId("a" + n);
                commands.sendAndWait(new OpenAccount(account, ESTATE, HolderType.OWNER, new ContactDetails(
                        "Owner " + n, "1380000" + String.format("%04d", n % 10000), null),
                        List.of(new UnitId("u" + n)), LocalDate.parse("2025-01-01"), null));
                for (int m = 0; m < MONTHS; m++) {
                    YearMonth period = YearMonth.of(2025, 1).plusMonths(m);
                    commands.sendAndWait(new ChargeFee(account, new ChargeId("c" + n + ":" + period), "PROPERTY_FEE",
                            period, Money.of(new BigDecimal("267.40"), CNY), period.atEndOfMonth(), new UnitId("u" + n),
                            "Property fee " + period));
                    if (m < 10) {
                        commands.sendAndWait(new RecordPayment(account, new PaymentId("p" + n + ":" + m),
                                Money.of(new BigDecimal(m % 3 == 0 ? "300.00" : "250.00"), CNY), PaymentChannel.APP,
                                "R-" + n + "-" + m, now));
                    }
                }
                if (n % 2 == 0) {
                    WorkOrderId order = new WorkOrderId("wo" + n);
                    commands.sendAndWait(new ReportWorkOrder(order, ESTATE, ReportSource.STAFF,
                            Location.unit(new UnitId("u" + n)), Category.values()[n % 9], "Leak " + n, List.of(),
                            account, "cs", null, now));
                    commands.sendAndWait(new TriageWorkOrder(order, Priority.LOW, false, null, now));
                }
                if (n % 4 == 0) {
                    ComplaintId complaint = new ComplaintId("cp" + n);
                    commands.sendAndWait(new ReceiveComplaint(complaint, ESTATE, Channel.PHONE,
                            ComplaintCategory.values()[n % 9], account, new BuildingId("b" + n / 200),
                            "Noise at night " + n, "cs", now));
                    commands.sendAndWait(new AcknowledgeComplaint(complaint, "We are on it", now));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

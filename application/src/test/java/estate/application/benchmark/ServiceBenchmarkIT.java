package estate.application.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.config.ReadModelProcessingConfig;
import estate.application.store.MongoConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark of the whole service (issue 4). Not a test: it runs only with {@code ./mvnw -Pbenchmark verify}
 * ({@code -Dbench.size=quick} for a few minutes, {@code full} for the sizes). This JVM is the load
 * generator; the service is the packaged jar in a JVM of its own on the embedded default stores. It generates a
 * company through the REST API, then measures, in one run: commands over HTTP at 1/8/32 clients beside the raw
 * JDBC append ceiling; projection lag at a steady rate; full replay beside a no-op processor and the plain read;
 * bill runs and the re-run; audit reads; the dashboard reads; growth; footprint. The table goes to
 * {@code application/target/benchmarks/service-<size>.md} and to the console.
 */
class ServiceBenchmarkIT {

    /** Read-model processors: rebuilt by a full replay. Process managers (own tokens, side effects) are not. */
    static final List<String> READ_MODELS = ReadModelProcessingConfig.PROCESSORS.stream()
            .map(ReadModelProcessingConfig.ReadModelProcessor::name).toList();
    static final String NOOP = "benchmark-noop";
    /** The estate whose dashboard every growth probe reads (the first one; it grows with each month billed). */
    static final String PROBED_ESTATE = "bench-e1";

    /** The sizes of one run. */
    record Size(String name, int estates, int unitsPerEstate, int smallRunEstates, int historyAccounts,
                int historyMonths, double loadSeconds, double lagSeconds, int lagRate, double probeWarmupSeconds,
                double probeSeconds, long[] growthAt, int auditReads, int dashboardRounds, String heap) {

        static Size of(String name) {
            return switch (name) {
                case "quick" -> new Size("quick", 2, 1000, 1, 5, 120, 6, 8, 1000, 1, 4,
                        new long[]{5_000, 20_000, 40_000}, 200, 200, "1g");
                case "full" -> new Size("full", 20, 5000, 2, 100, 120, 30, 30, 1000, 5, 30,
                        new long[]{10_000, 100_000, 1_000_000}, 1000, 200, "3g");
                default -> throw new IllegalArgumentException("bench.size is quick or full, not " + name);
            };
        }

        Size with(Map<String, String> overrides) {
            return new Size(name, Integer.parseInt(overrides.getOrDefault("estates", "" + estates)),
                    Integer.parseInt(overrides.getOrDefault("unitsPerEstate", "" + unitsPerEstate)),
                    smallRunEstates, historyAccounts, historyMonths, loadSeconds, lagSeconds, lagRate,
                    probeWarmupSeconds, probeSeconds,
                    overrides.containsKey("growthAt") ? Arrays.stream(overrides.get("growthAt").split(","))
                            .mapToLong(Long::parseLong).toArray() : growthAt,
                    auditReads, dashboardRounds, overrides.getOrDefault("heap", heap));
        }
    }

    /**
     * Reads made before those measured, per read figure. The first reads of an endpoint after start-up or after
     * the phases before run partly interpreted and against a cold page cache of the read store; a running
     * service serves them warm. At 1M events (session 5) 300 reads still showed it in their p99 (audit 30-63 ms,
     * dashboard 55 ms), the 1,000 after them not (17-19 ms).
     */
    private static final int WARM_UP_READS = 300;

    private final BenchReport report = new BenchReport();
    private final Company company = new Company();
    private final List<String[]> growth = new ArrayList<>();
    private BenchApp app;
    private BenchHttp http;
    private Size size;
    private int probesDone;

    @Test
    void benchmark() throws Exception {
        String jar = System.getProperty("estate.jar");
        assertThat(jar).as("system property estate.jar (set by failsafe)").isNotBlank();
        Map<String, String> overrides = new HashMap<>();
        for (String key : List.of("estates", "unitsPerEstate", "growthAt", "heap")) {
            String value = System.getProperty("bench." + key);
            if (value != null && !value.isBlank()) {
                overrides.put(key, value);
            }
        }
        size = Size.of(System.getProperty("bench.size", "quick")).with(overrides);
        Path work = Files.createTempDirectory("estate-bench-");
        Path appJar = Files.copy(Path.of(jar), work.resolve("estate.jar"));
        Path data = Files.createDirectories(work.resolve("data"));
        long started = System.nanoTime();
        log("size %s: %d estates x %d units, data in %s", size.name(), size.estates(), size.unitsPerEstate(), work);

        // 0. The store's own ceiling, before the service runs (same machine, same file settings).
        double[] rawAppends = new double[3];
        int[] clients = {1, 8, 32};
        for (int i = 0; i < clients.length; i++) {
            Path raw = Files.createDirectories(work.resolve("raw-" + clients[i]));
            rawAppends[i] = RawEventStore.appendsPerSecond(raw, clients[i], Math.min(10, size.loadSeconds()));
            log("raw JDBC appends, %d threads: %.0f/s", clients[i], rawAppends[i]);
        }

        List<String> appArgs = new ArrayList<>(List.of("--estate.benchmark.noop-processor=true"));
        String extra = System.getProperty("bench.appArgs", "");
        if (!extra.isBlank()) { // e.g. switch optimisations off to measure what they buy
            appArgs.addAll(Arrays.asList(extra.trim().split("\\s+")));
            report.note("app arguments: " + extra.trim());
        }
        app = new BenchApp(appJar, data, size.heap(), appArgs);
        try {
            double emptyStart = app.start();
            http = new BenchHttp(app.baseUrl(), 40);
            log("started on an empty store in %.1f s", emptyStart);
            report.add("8", "startup, empty store", BenchReport.fmt(emptyStart) + " s");

            // 1. The company, with growth probes as the log passes their sizes.
            long t0 = System.nanoTime();
            for (int e = 0; e < size.estates(); e++) {
                String estate = "bench-e" + (e + 1);
                company.addEstate(http, estate, size.unitsPerEstate(), 8, probeWhenDue());
                log("estate %s: %d units in total, %d events, %.0f s", estate, company.residentialUnits(),
                        app.head(), seconds(t0));
            }
            long companyEvents = app.head();
            double generation = seconds(t0);
            report.add("-", "company generated over HTTP", "%d estates, %,d units (+%,d parking), %,d events in %.0f s"
                    .formatted(size.estates(), company.residentialUnits(), company.residentialUnits() / 10,
                            companyEvents, generation));

            // 5a. Ten years of monthly charges and payments on some accounts (the audit reads' subjects).
            List<Company.Account> historied = history();

            probeIfDue();

            // 1. Commands over HTTP at 1, 8 and 32 clients.
            for (int i = 0; i < clients.length; i++) {
                LoadResult load = closedLoop(clients[i], size.loadSeconds(), true);
                boolean eight = clients[i] == 8;
                report.addRatio("1", "commands/s over HTTP, " + clients[i] + " client" + (clients[i] > 1 ? "s" : "")
                                + " (p50 " + BenchReport.ms(load.p50()) + ", p99 " + BenchReport.ms(load.p99())
                                + ", errors " + load.errors() + ")", load.perSecond(), rawAppends[i], "/s",
                        eight ? ">= 3,000/s, p99 <= 20 ms, ratio >= 0.3" : "",
                        eight ? load.perSecond() >= 3000 && load.p99() <= 20 && load.perSecond() / rawAppends[i] >= 0.3
                                : null);
                if (eight) {
                    // what G1 lets accumulate ("used") follows -Xmx; what the load needs is the live data
                    report.add("8", "heap under HTTP load (8 clients, -Xmx" + size.heap() + "): max used / live after GC",
                            "%s MB / %s MB".formatted(BenchReport.fmt(load.maxHeapMb()),
                                    BenchReport.fmt(load.liveMb())), "<= 512 MB",
                            load.liveMb() <= 512 && load.liveMb() > 0);
                }
            }

            // 2. Projection lag at a steady rate.
            phase("projection lag", this::lag);

            // 5. Audit reads on the 10-year accounts.
            phase("audit reads", () -> auditReads(historied));

            // 6. Dashboard reads.
            Probe dashboard = dashboard(company.estates().get(0), size.dashboardRounds());
            report.add("6", "dashboard (one estate of %,d units) at %,d events: p50 / p99".formatted(size.unitsPerEstate(),
                            app.head()), "%s / %s".formatted(BenchReport.ms(dashboard.p50()), BenchReport.ms(dashboard.p99())),
                    "p99 <= 50 ms at 1M events", app.head() >= 1_000_000 ? dashboard.p99() <= 50 : null);

            // 4. Bill runs: the small run, the whole company, the re-run that charges nothing.
            phase("bill runs", this::billRuns);

            // 7. Fill the log up to the largest growth size with more months of billing, probing on the way.
            phase("growth fill", this::fill);

            // 3. Full replay, the finance history alone, the no-op ceiling.
            phase("replay", this::replay);

            // 8. Disk, then a restart on the full log, then the full replay (3) of every read model.
            phase("restart", () -> restart(data));
            growthRows();
        } catch (Throwable failure) {
            System.out.println("app log tail:\n" + app.logTail());
            report.note("the run stopped early: " + failure);
            writeReport(started);
            throw failure;
        } finally {
            app.close();
        }
        writeReport(started);
    }

    private void writeReport(long started) throws java.io.IOException {
        String md = report.markdown("## Service benchmark, size " + size.name() + " (%s, %d cores, Java %s, %s; %.0f min)"
                .formatted(System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                        LocalDate.now(), seconds(started) / 60));
        Path out = Path.of("target/benchmarks/service-" + size.name()
                + System.getProperty("bench.label", "").transform(l -> l.isBlank() ? "" : "-" + l) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println("\n" + md);
        System.out.println("written to " + out.toAbsolutePath());
    }

    interface Phase {
        void run() throws Exception;
    }

    /** Runs a phase; if it fails, the table says so and the run goes on with the next one. */
    private void phase(String name, Phase phase) {
        try {
            phase.run();
        } catch (Exception | AssertionError e) {
            log("phase %s failed: %s", name, e);
            e.printStackTrace(System.out);
            report.note("phase " + name + " failed: " + e);
        }
    }

    // ---- 1. commands over HTTP ----

    record LoadResult(int commands, long errors, double perSecond, double p50, double p99, double maxHeapMb,
                      double liveMb) {
    }

    /** {@code clients} closed-loop clients of the mixed workload for {@code seconds}. */
    LoadResult closedLoop(int clients, double seconds, boolean sampleHeap) throws Exception {
        app.awaitCaughtUp(READ_MODELS, Duration.ofMinutes(30)); // no backlog from what came before
        Latencies latencies = new Latencies();
        AtomicLong maxHeap = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get() && sampleHeap) {
                try {
                    maxHeap.accumulateAndGet((long) heapMb(), Math::max);
                    Thread.sleep(500);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        sampler.start();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Workload workload = new Workload(http, company.accounts(), 1000L * clients + c);
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    record(latencies, workload.next());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = seconds(t0);
        done.set(true);
        pool.shutdown();
        double live = app.metric("jvm.gc.live.data.size", "VALUE") / (1 << 20);
        LoadResult result = new LoadResult(latencies.count(), latencies.errors(),
                (latencies.count() + latencies.errors()) / elapsed, latencies.percentileMillis(50),
                latencies.percentileMillis(99), maxHeap.get(), live);
        log("load %d clients: %s", clients, result);
        return result;
    }

    private static void record(Latencies latencies, BenchHttp.Response response) {
        if (response.ok()) {
            latencies.add(response.nanos());
        } else {
            latencies.error();
            if (latencies.errors() <= 5) {
                log("error response %d: %s", response.status(), response.body());
            }
        }
    }

    private double heapMb() throws Exception {
        return app.metric("jvm.memory.used", "VALUE", "area:heap") / (1 << 20);
    }

    // ---- 2. projection lag ----

    /** Open-loop load at {@code lagRate} commands/s; lag from the processors' histogram over the phase. */
    private void lag() throws Exception {
        app.awaitCaughtUp(READ_MODELS, Duration.ofMinutes(30)); // no backlog from the phases before
        Map<String, double[]> before = LagHistogram.scrape(app.prometheus());
        Latencies latencies = new Latencies();
        int rate = size.lagRate();
        int clients = 32;
        long total = (long) (rate * size.lagSeconds());
        AtomicLong tickets = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Workload workload = new Workload(http, company.accounts(), 77_000L + c);
            workers.add(pool.submit(() -> {
                long ticket;
                while ((ticket = tickets.getAndIncrement()) < total) {
                    long due = t0 + (long) (ticket * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    record(latencies, workload.next());
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double elapsed = seconds(t0);
        pool.shutdown();
        app.awaitCaughtUp(READ_MODELS, Duration.ofMinutes(10));
        Map<String, double[]> after = LagHistogram.scrape(app.prometheus());
        LagHistogram all = LagHistogram.delta(before, after, null);
        LagHistogram finance = LagHistogram.delta(before, after, "account-balance");
        double achieved = (latencies.count() + latencies.errors()) / elapsed;
        log("lag phase: %.0f cmd/s achieved; all processors %s; account-balance %s", achieved, all, finance);
        report.add("2", "projection lag, all read models, at %s cmd/s achieved (target rate %d): p50 / p99"
                        .formatted(BenchReport.fmt(achieved), rate),
                "<= %s / <= %s (%,d updates)".formatted(BenchReport.ms(all.percentile(50)),
                        BenchReport.ms(all.percentile(99)), all.count()),
                "p99 <= 100 ms at 1,000 cmd/s", achieved >= rate * 0.95 && all.percentile(99) <= 100);
        report.add("2", "projection lag, finance history (account-balance): p50 / p99",
                "<= %s / <= %s".formatted(BenchReport.ms(finance.percentile(50)), BenchReport.ms(finance.percentile(99))));
    }

    // ---- 5. audit reads ----

    private List<Company.Account> history() throws Exception {
        List<Company.Account> chosen = new ArrayList<>();
        Random random = new Random(5);
        for (int i = 0; i < size.historyAccounts(); i++) {
            chosen.add(company.accounts().get(random.nextInt(company.accounts().size())));
        }
        List<Company.Account> distinct = chosen.stream().distinct().toList();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> tasks = new ArrayList<>();
        YearMonth first = YearMonth.of(2016, 12);
        for (Company.Account account : distinct) {
            tasks.add(pool.submit(() -> {
                for (int m = 0; m < size.historyMonths(); m++) {
                    YearMonth month = first.plusMonths(m);
                    http.created("finance", "/api/accounts/" + account.accountId() + "/charges", """
                            {"feeItem":"PROPERTY_FEE","period":"%s","amount":"286.40","currency":"CNY",\
                            "dueDate":"%s","description":"Property fee %s"}""".formatted(month,
                            month.plusMonths(1).atDay(15), month));
                    http.created("finance", "/api/accounts/" + account.accountId() + "/payments", """
                            {"amount":"286.40","currency":"CNY","channel":"BANK_TRANSFER","receiptNumber":"H%s-%s",\
                            "receivedAt":"%sT02:00:00Z"}""".formatted(account.accountId(), month,
                            month.plusMonths(1).atDay(10)));
                }
                return null;
            }));
        }
        for (Future<?> task : tasks) {
            task.get();
        }
        pool.shutdown();
        log("history: %d accounts x %d months in %.0f s", distinct.size(), size.historyMonths(), seconds(t0));
        return distinct;
    }

    /**
     * The account's history (every ledger line with its running balance) and its balance as of a day. As-of counts
     * the lines booked before the end of that day; all ten years were booked during this run, so as of today every
     * line counts: the most work an as-of read can take for these accounts.
     */
    private void auditReads(List<Company.Account> accounts) throws Exception {
        app.awaitCaughtUp(READ_MODELS, Duration.ofMinutes(30)); // no backlog from the phases before
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Random random = new Random(9);
        Latencies ledger = new Latencies();
        Latencies asOf = new Latencies();
        int lines = 0;
        for (int i = 0; i < size.auditReads() + WARM_UP_READS; i++) {
            Company.Account account = accounts.get(random.nextInt(accounts.size()));
            BenchHttp.Response history = http.get("auditor", "/api/accounts/" + account.accountId() + "/ledger");
            BenchHttp.Response balance = http.get("auditor", "/api/accounts/" + account.accountId()
                    + "/balance?asOf=" + today);
            if (!history.ok() || !balance.ok()) {
                throw new IllegalStateException("audit read: " + history.status() + " " + balance.status() + " "
                        + balance.body());
            }
            if (i >= WARM_UP_READS) {
                ledger.add(history.nanos());
                asOf.add(balance.nanos());
                lines = Math.max(lines, history.json().path("lines").size());
            }
        }
        log("audit reads: history p50 %.1f p99 %.1f ms (%d lines); as-of p50 %.1f p99 %.1f ms",
                ledger.percentileMillis(50), ledger.percentileMillis(99), lines, asOf.percentileMillis(50),
                asOf.percentileMillis(99));
        report.add("5", "account history (%d lines, 10 years monthly): p50 / p99".formatted(lines),
                "%s / %s".formatted(BenchReport.ms(ledger.percentileMillis(50)), BenchReport.ms(ledger.percentileMillis(99))),
                "p99 <= 20 ms", ledger.percentileMillis(99) <= 20);
        report.add("5", "as-of balance (today: every line of the 10 years counts): p50 / p99",
                "%s / %s".formatted(BenchReport.ms(asOf.percentileMillis(50)), BenchReport.ms(asOf.percentileMillis(99))),
                "p99 <= 20 ms", asOf.percentileMillis(99) <= 20);
        report.add("5", "replay verification events/s", "not built: the audit issue (hash chain, replay "
                + "verification) comes later and adds itself here");
    }

    // ---- 6. dashboard ----

    record Probe(double p50, double p99) {
    }

    /** The whole-dashboard endpoint of one estate (finance, work owed, complaints, satisfaction), as a manager. */
    private Probe dashboard(String estate, int rounds) throws Exception {
        app.awaitCaughtUp(READ_MODELS, Duration.ofMinutes(30));
        String read = "/api/estates/" + estate + "/dashboard?asOf=2027-01-31";
        Latencies latencies = new Latencies();
        for (int i = 0; i < rounds + WARM_UP_READS; i++) {
            BenchHttp.Response response = http.get("manager", read);
            if (!response.ok()) {
                throw new IllegalStateException("GET " + read + ": " + response.status() + " " + response.body());
            }
            if (i >= WARM_UP_READS) {
                latencies.add(response.nanos());
            }
        }
        log("dashboard of %s: p50 %.1f ms, p99 %.1f ms", estate, latencies.percentileMillis(50),
                latencies.percentileMillis(99));
        return new Probe(latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    // ---- 7. growth ----

    private LongConsumer probeWhenDue() {
        return unitsDone -> {
            try {
                probeIfDue();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * Runs the growth probe for every growth size the log has passed and that has not been probed yet: 8 clients of
     * the mixed load (a warm-up, then the measured probe), then the first estate's dashboard read as in figure 6,
     * with the read models caught up first.
     */
    private void probeIfDue() throws Exception {
        long head = app.head();
        while (probesDone < size.growthAt().length && head >= size.growthAt()[probesDone]) {
            app.awaitCaughtUp(READ_MODELS, Duration.ofMinutes(30)); // same conditions at every size: no backlog
            // a warm-up first, not measured: the first probe comes a minute after the app started, before the JIT
            // has compiled the request path, and would measure that instead of the log's size
            closedLoop(8, size.probeWarmupSeconds(), false);
            LoadResult load = closedLoop(8, size.probeSeconds(), false);
            Probe dashboard = dashboard(PROBED_ESTATE, size.dashboardRounds()); // a p99 of 30 reads was their maximum
            growth.add(new String[]{"%,d".formatted(head), BenchReport.ms(load.p99()), BenchReport.ms(dashboard.p99()),
                    BenchReport.fmt(load.perSecond())});
            log("growth probe at %,d events: command p99 %.1f ms, dashboard p99 %.1f ms", head, load.p99(),
                    dashboard.p99());
            probesDone++;
            head = app.head();
        }
    }

    private void growthRows() {
        for (String[] probe : growth) {
            report.add("7", "at %s events: command p99 (8 clients, %s/s) / dashboard p99".formatted(probe[0], probe[3]),
                    probe[1] + " / " + probe[2]);
        }
        if (growth.size() >= 2) {
            double firstCommand = parseMs(growth.get(0)[1]);
            double lastCommand = parseMs(growth.get(growth.size() - 1)[1]);
            double firstDash = parseMs(growth.get(0)[2]);
            double lastDash = parseMs(growth.get(growth.size() - 1)[2]);
            report.add("7", "growth %s → %s events: command p99 / dashboard p99".formatted(growth.get(0)[0],
                            growth.get(growth.size() - 1)[0]),
                    "%+.0f %% / %+.0f %%".formatted((lastCommand / firstCommand - 1) * 100,
                            (lastDash / firstDash - 1) * 100), "within +20 %",
                    lastCommand <= firstCommand * 1.2 && lastDash <= firstDash * 1.2);
        } else {
            report.note("growth: fewer than two probes ran (the log did not reach " + Arrays.toString(size.growthAt())
                    + ")");
        }
    }

    private static double parseMs(String ms) {
        return Double.parseDouble(ms.replace(" ms", "").replace(",", ""));
    }

    // ---- 4. bill runs ----

    private void billRuns() throws Exception {
        List<String> small = company.estates().subList(0, size.smallRunEstates());
        double[] first = billRun(small, YearMonth.of(2026, 12));
        report.add("4", "bill run, %,d units (%d estates), 2026-12".formatted(
                        small.size() * size.unitsPerEstate(), small.size()),
                "%s s, %s events/s".formatted(BenchReport.fmt(first[0]), BenchReport.fmt(first[1] / first[0])));
        List<String> all = company.estates();
        double[] whole = billRun(all, YearMonth.of(2027, 1));
        report.add("4", "bill run, %,d units (all %d estates), 2027-01".formatted(
                        company.residentialUnits(), all.size()),
                "%s s, %s events/s".formatted(BenchReport.fmt(whole[0]), BenchReport.fmt(whole[1] / whole[0])),
                "100,000 units <= 30 s", company.residentialUnits() >= 100_000 ? whole[0] <= 30 : null);
        double[] rerun = billRun(all, YearMonth.of(2027, 1));
        report.add("4", "re-run of 2027-01 (charges nothing: %,d events)".formatted((long) rerun[1]),
                BenchReport.fmt(rerun[0]) + " s", "<= 5 s at 100,000 units",
                company.residentialUnits() >= 100_000 ? rerun[0] <= 5 : null);
    }

    /** Starts one run per estate at once and waits for all; returns {seconds, events appended}. */
    private double[] billRun(List<String> estates, YearMonth period) throws Exception {
        long before = app.head();
        long t0 = System.nanoTime();
        List<String> runs = new ArrayList<>();
        for (String estate : estates) {
            runs.add(http.created("manager", "/api/estates/" + estate + "/bill-runs",
                    "{\"period\":\"" + period + "\"}"));
        }
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        for (String run : runs) {
            while (true) {
                JsonNode status = http.get("manager", "/api/bill-runs/" + run).json();
                if ("COMPLETED".equals(status.path("status").asText())) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("bill run " + run + " not completed: " + status);
                }
                Thread.sleep(50);
            }
        }
        double elapsed = seconds(t0);
        long events = app.head() - before;
        log("bill run %s over %d estates: %.1f s, %,d events", period, estates.size(), elapsed, events);
        return new double[]{elapsed, events};
    }

    private void fill() throws Exception {
        YearMonth month = YearMonth.of(2026, 11);
        long target = size.growthAt()[size.growthAt().length - 1];
        while (app.head() < target) {
            billRun(company.estates(), month);
            month = month.minusMonths(1);
            probeIfDue();
        }
        probeIfDue();
        Probe dashboard = dashboard(company.estates().get(0), size.dashboardRounds());
        long head = app.head();
        report.add("6", "dashboard (one estate of %,d units) at %,d events: p50 / p99".formatted(size.unitsPerEstate(), head),
                "%s / %s".formatted(BenchReport.ms(dashboard.p50()), BenchReport.ms(dashboard.p99())),
                "p99 <= 50 ms at 1M events", head >= 1_000_000 ? dashboard.p99() <= 50 : null);
    }

    // ---- 3. replay ----

    /**
     * Disk per event, then a restart on the full log (with the embedded file store the read models are there at
     * once; with {@code --estate.mongo.embedded-store=memory} they are rebuilt at start), then a full replay of
     * every read model by resetting all their processors at once, then the plain read.
     */
    private void restart(Path data) throws Exception {
        long events = app.head();
        long disk = Files.size(data.resolve("eventstore.mv.db"));
        report.add("8", "disk per stored event (H2 file while running)", "%,d bytes (%,d events, %,d MB)"
                .formatted(disk / events, events, disk >> 20));
        Path readStore = data.resolve(MongoConfig.READ_STORE_FILE);
        if (Files.exists(readStore)) {
            long readDisk = Files.size(readStore);
            report.add("8", "read store on disk per stored event (embedded file store while running)",
                    "%,d bytes (%,d MB)".formatted(readDisk / events, readDisk >> 20));
        }
        app.stop();
        double healthy = app.start();
        double caughtUp = app.awaitCaughtUp(List.of(), Duration.ofHours(2));
        double startup = healthy + caughtUp;
        log("restart with %,d events: healthy after %.1f s, read models caught up after %.1f s", events, healthy,
                startup);
        report.add("8", "startup with %,d events: healthy / read models caught up".formatted(events),
                "%s s / %s s".formatted(BenchReport.fmt(healthy), BenchReport.fmt(startup)),
                "<= 15 s with 1M events", events >= 1_000_000 ? startup <= 15 : null);
        report.add("8", "heap after start-up with %,d events: used / live after GC".formatted(events),
                "%s MB / %s MB".formatted(BenchReport.fmt(heapMb()),
                        BenchReport.fmt(app.metric("jvm.gc.live.data.size", "VALUE") / (1 << 20))));

        long t0 = System.nanoTime();
        for (String processor : READ_MODELS) {
            app.reset(processor);
        }
        app.awaitCaughtUp(READ_MODELS, Duration.ofHours(2));
        double replay = events / seconds(t0);
        log("full replay of %,d events: %.0f/s", events, replay);
        report.addRatio("3", ("full replay: all %d read models (%d processors) rebuilt by a reset of every processor"
                        + " while running, %,d events").formatted(ReadModelProcessingConfig.READ_MODEL_GROUPS.size(),
                        READ_MODELS.size(), events), replay, noopReplay, "events/s",
                ">= 20,000/s and ratio >= 0.5", replay >= 20_000 && replay / noopReplay >= 0.5);
        report.add("8", "heap after the full replay: used / live after GC", "%s MB / %s MB".formatted(
                BenchReport.fmt(heapMb()), BenchReport.fmt(app.metric("jvm.gc.live.data.size", "VALUE") / (1 << 20))));
        app.stop();
        double[] read = RawEventStore.streamRead(data);
        report.add("3", "plain JDBC stream read of the log (ceiling of replay)",
                "%s events/s (%,d events, %,d payload+metadata bytes)".formatted(BenchReport.fmt(read[0]),
                        (long) read[1], (long) read[2]));
    }

    private double noopReplay = Double.NaN;

    /**
     * The finance history alone and the no-op ceiling, each rebuilt by a reset while the app runs. The rebuild of
     * every read model is measured after the restart.
     */
    private void replay() throws Exception {
        app.awaitCaughtUp(List.of(), Duration.ofMinutes(30));
        long events = app.head();
        long t0 = System.nanoTime();
        app.reset("account-balance");
        app.awaitCaughtUp(List.of("account-balance"), Duration.ofHours(1));
        double finance = events / seconds(t0);
        t0 = System.nanoTime();
        app.reset(NOOP);
        app.awaitCaughtUp(List.of(NOOP), Duration.ofHours(1));
        noopReplay = events / seconds(t0);
        log("replay of %,d events: finance %.0f/s, no-op %.0f/s", events, finance, noopReplay);
        report.addRatio("3", "replay of the finance history alone (account-balance, reset while running), %,d events"
                .formatted(events), finance, noopReplay, "events/s", "", null);
    }

    // ---- support ----

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] " + format + "%n", prepend(System.currentTimeMillis(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}

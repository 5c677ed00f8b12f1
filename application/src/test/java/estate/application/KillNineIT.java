package estate.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Durability of an acknowledged write across a SIGKILL. Starts the packaged jar on a fresh data dir, posts
 * charges from several threads, kills the JVM with SIGKILL while they run, restarts it on the same data dir
 * (the embedded read store goes on from what its file held at the kill, ADR 1) and checks, once it caught up:
 * <ul>
 *     <li>every charge answered with 201 before the kill is in its account's ledger, exactly once;</li>
 *     <li>no charge is in a ledger twice, and the only charges not acknowledged are at most the ones in flight;</li>
 *     <li>the balance's {@code charged} is the sum of the ledger's charge lines (all 1.00);</li>
 *     <li>retrying an acknowledged request with its Idempotency-Key returns the recorded 201, marked
 *     {@code Idempotent-Replayed: true}, and stores nothing;</li>
 *     <li>the ledgers and balances the second life went on from equal a rebuild of them from the log.</li>
 * </ul>
 * Run by failsafe after packaging; the jar's path comes in the system property {@code estate.jar}.
 */
class KillNineIT {

    private static final String PASSWORD = "estate-demo";
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    private static final int THREADS = 8;
    private static final int ACCOUNTS = 3;
    private static final int MAX_REQUESTS_PER_THREAD = 300;
    private static final Duration MAX_LOAD_TIME = Duration.ofSeconds(12);
    /** The kill comes once this many charges were acknowledged (or after KILL_AT_LATEST), with load running. */
    private static final int KILL_AFTER_ACKNOWLEDGED = 150;
    private static final Duration KILL_AT_LATEST = Duration.ofSeconds(7);
    /** Due in a year: nothing is overdue during the test, so no late fee or notice joins the ledger. */
    private static final LocalDate DUE = LocalDate.now(ZoneOffset.UTC).plusYears(1);
    private static final String CHARGE_BODY = """
            {"feeItem":"PROPERTY_FEE","period":"%s","amount":"1.00","currency":"CNY","dueDate":"%s"}"""
            .formatted(YearMonth.from(DUE), DUE);
    private static final BigDecimal ONE = new BigDecimal("1.00");

    private final ObjectMapper json = new ObjectMapper();
    private HttpClient http = newClient();
    private final AtomicInteger keys = new AtomicInteger();
    private final List<Process> started = new CopyOnWriteArrayList<>();
    /** Kills the app if the test JVM itself is stopped before {@link #stopProcesses()} runs. */
    private final Thread killOnExit = new Thread(() -> started.forEach(Process::destroyForcibly));
    private Path dataDir;
    private Path log;
    private int port;
    private boolean passed;

    /** One acknowledged charge: what was sent and what came back. */
    record Ack(String accountId, String idempotencyKey, String responseBody) {
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS) // a safety net: about 25 s on an idle machine
    void acknowledgedChargesSurviveSigkill() throws Exception {
        String jar = System.getProperty("estate.jar");
        assertThat(jar).as("system property estate.jar (set by failsafe)").isNotBlank();
        assertThat(Path.of(jar)).as("the packaged jar").isRegularFile();
        dataDir = Files.createTempDirectory("estate-kill9-");
        log = dataDir.resolve("app.log");
        // both lives run the same bytes, even if target/estate.jar is rebuilt while the test runs
        Path privateJar = Files.copy(Path.of(jar), dataDir.resolve("estate.jar"));
        jar = privateJar.toString();
        port = freePort();

        // 1. First life: set up, then load, and SIGKILL during the load.
        long t0 = System.nanoTime();
        Process first = start(jar);
        awaitHealthy(first);
        long firstStart = System.nanoTime() - t0;
        List<String> accounts = setUp();

        Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        Map<Integer, AtomicInteger> otherStatuses = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger running = new AtomicInteger(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService load = Executors.newFixedThreadPool(THREADS);
        long loadDeadline = System.nanoTime() + MAX_LOAD_TIME.toNanos();
        for (int t = 0; t < THREADS; t++) {
            String account = accounts.get(t % ACCOUNTS);
            load.submit(() -> {
                try {
                    go.await();
                    for (int i = 0; i < MAX_REQUESTS_PER_THREAD && !killed.get()
                            && System.nanoTime() < loadDeadline; i++) {
                        String key = newKey("charge");
                        try {
                            HttpResponse<String> response = post("finance", "/api/accounts/" + account + "/charges",
                                    key, CHARGE_BODY);
                            if (response.statusCode() == 201) {
                                String chargeId = json.readTree(response.body()).path("id").asText();
                                acknowledged.put(chargeId, new Ack(account, key, response.body()));
                            } else if (response.statusCode() == 409) {
                                conflicts.incrementAndGet(); // optimistic-lock loser: nothing stored
                            } else {
                                otherStatuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        } catch (ConnectException e) {
                            refused.incrementAndGet(); // never reached the server
                        } catch (IOException e) {
                            inFlight.incrementAndGet(); // sent, no answer: the process died under it
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return null;
            });
        }
        long loadStart = System.nanoTime();
        go.countDown();
        while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED
                && System.nanoTime() - loadStart < KILL_AT_LATEST.toNanos()) {
            Thread.sleep(10);
        }
        int runningAtKill = running.get();
        int acknowledgedAtKill = acknowledged.size();
        killed.set(true); // no new requests; the ones already sent are in flight
        first.destroyForcibly(); // SIGKILL on Linux
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).as("process gone after SIGKILL").isTrue();
        assertThat(first.isAlive()).isFalse();
        assertThat(first.exitValue()).as("exit status 128 + 9 = killed by SIGKILL").isEqualTo(137);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).as("load threads finished").isTrue();

        System.out.printf("KillNineIT: acknowledged=%d (at kill %d), in-flight at kill=%d, refused=%d,"
                        + " conflicts(409)=%d, other=%s, load threads running at kill=%d%n",
                acknowledged.size(), acknowledgedAtKill, inFlight.get(), refused.get(), conflicts.get(),
                otherStatuses, runningAtKill);
        assertThat(runningAtKill).as("the kill came while load threads were running").isPositive();
        assertThat(otherStatuses).as("responses other than 201 and 409").isEmpty();
        assertThat(acknowledged).as("charges acknowledged before the kill").isNotEmpty();

        // 2. Second life on the same data dir: the read side goes on from what its file held at the kill.
        http = newClient(); // no pooled connection to the dead process
        long t1 = System.nanoTime();
        Process second = start(jar);
        awaitHealthy(second);
        long secondStart = System.nanoTime() - t1;
        Map<String, List<String>> chargesPerAccount = new HashMap<>();
        for (String account : accounts) {
            List<JsonNode> lines = catchUp(account);
            List<String> charges = chargeReferences(lines);
            chargesPerAccount.put(account, charges);

            assertThat(charges).as("ledger of %s: no charge twice", account).doesNotHaveDuplicates();
            List<String> acknowledgedHere = acknowledged.entrySet().stream()
                    .filter(e -> e.getValue().accountId().equals(account)).map(Map.Entry::getKey).toList();
            assertThat(charges).as("ledger of %s: every acknowledged charge", account)
                    .containsAll(acknowledgedHere);
            assertBalanceMatchesLedger(account, lines);
        }
        long ledgerCharges = chargesPerAccount.values().stream().mapToLong(List::size).sum();
        long markers = accounts.size(); // catchUp posted one marker charge per account
        long unacknowledgedStored = ledgerCharges - markers - acknowledged.size();
        System.out.printf("KillNineIT: ledger charges after restart=%d (of which markers=%d), stored but not"
                        + " acknowledged=%d; start-up %d s, restart %d s, catch-up %d s%n", ledgerCharges, markers,
                unacknowledgedStored, TimeUnit.NANOSECONDS.toSeconds(firstStart),
                TimeUnit.NANOSECONDS.toSeconds(secondStart),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t1 - secondStart));
        assertThat(unacknowledgedStored).as("charges stored without a 201: only requests that were in flight")
                .isBetween(0L, (long) inFlight.get());

        // 3. Retrying an acknowledged request after the restart replays its 201 and stores nothing.
        Map.Entry<String, Ack> retried = acknowledged.entrySet().stream()
                .min(Map.Entry.comparingByKey()).orElseThrow();
        String account = retried.getValue().accountId();
        HttpResponse<String> replay = post("finance", "/api/accounts/" + account + "/charges",
                retried.getValue().idempotencyKey(), CHARGE_BODY);
        assertThat(replay.statusCode()).as("status of the retry").isEqualTo(201);
        assertThat(replay.body()).as("body of the retry").isEqualTo(retried.getValue().responseBody());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).as("replay header").hasValue("true");
        List<String> before = chargesPerAccount.get(account);
        List<JsonNode> afterLines = catchUp(account); // adds exactly one marker after the retry
        List<String> after = chargeReferences(afterLines);
        assertThat(after).as("ledger after the retry: one more line, the new marker").hasSize(before.size() + 1);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
        assertThat(after.stream().filter(retried.getKey()::equals).count()).as("the retried charge").isEqualTo(1);
        assertBalanceMatchesLedger(account, afterLines);

        // 4. The read models the second life went on from (the embedded store's file, as the kill left it) equal
        //    a rebuild from the log.
        Map<String, List<JsonNode>> resumed = new HashMap<>();
        Map<String, JsonNode> resumedBalances = new HashMap<>();
        for (String each : accounts) {
            resumed.put(each, ledgerLines(each));
            resumedBalances.put(each, getJson("/api/accounts/" + each + "/balance"));
        }
        HttpResponse<String> reset = post("manager", "/actuator/processors/account-balance", newKey("reset"),
                "{\"action\":\"reset\"}");
        assertThat(reset.statusCode()).as("reset: %s", reset.body()).isEqualTo(200);
        for (String each : accounts) {
            long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
            while (!resumed.get(each).equals(rebuiltLedgerLines(each)) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(ledgerLines(each)).as("ledger of %s rebuilt from the log", each).isEqualTo(resumed.get(each));
            assertThat(getJson("/api/accounts/" + each + "/balance")).as("balance of %s rebuilt", each)
                    .isEqualTo(resumedBalances.get(each));
        }
        passed = true;
    }

    @AfterEach
    void stopProcesses() throws Exception {
        for (Process process : started) {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
        if (!started.isEmpty()) {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        }
        if (dataDir != null && Files.isDirectory(dataDir)) {
            if (!passed || started.stream().anyMatch(Process::isAlive)) {
                System.out.println("KillNineIT: data dir and app.log kept in " + dataDir);
                return;
            }
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    // ---- the process ----

    private Process start(String jar) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // compact the H2 file every half second, so the kill also lands around compactions
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-jar", jar,
                "--estate.h2.compact-interval-ms=500")
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        Stream.of("ESTATE_EVENTSTORE_URL", "MONGODB_URI", "AXON_AXONSERVER_ENABLED", "ESTATE_SECURITY_MODE",
                "ESTATE_USERS_FILE", "SPRING_PROFILES_ACTIVE").forEach(env::remove);
        env.put("ESTATE_DATA_DIR", dataDir.toString());
        env.put("PORT", Integer.toString(port));
        if (started.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        }
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private void awaitHealthy(Process process) throws Exception {
        long deadline = System.nanoTime() + HEALTH_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("the app exited with %d before it was healthy; log:%n%s", process.exitValue(), logTail());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && json.readTree(health.body()).path("status").asText().equals("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        fail("not healthy within %s; log:%n%s", HEALTH_TIMEOUT, logTail());
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    // ---- the API ----

    /** Estate, building, one unit and one account per account slot; returns the account ids. */
    private List<String> setUp() throws Exception {
        created("manager", "/api/estates", """
                {"estateId":"sunrise","name":"Sunrise Garden","address":"1 Riverside Rd","zoneId":"Asia/Shanghai",\
                "currency":"CNY"}""");
        String building = created("manager", "/api/estates/sunrise/buildings", """
                {"name":"Building 1","floors":18}""");
        List<String> accounts = new ArrayList<>();
        for (int i = 1; i <= ACCOUNTS; i++) {
            String unit = created("manager", "/api/estates/sunrise/units", """
                    {"buildingId":"%s","number":"1-120%d","floor":12,"floorArea":"111.00","use":"RESIDENTIAL"}"""
                    .formatted(building, i));
            accounts.add(created("cs", "/api/accounts", """
                    {"estateId":"sunrise","holderType":"OWNER","name":"Owner %d","phone":"1380013800%d",\
                    "unitIds":["%s"],"moveInDate":"2026-01-15"}""".formatted(i, i, unit)));
        }
        return accounts;
    }

    /**
     * Posts one marker charge to the account and waits until the ledger shows it. The account's events reach
     * the ledger in order, so then every charge stored before the marker is in it too. Returns the ledger lines.
     */
    private List<JsonNode> catchUp(String account) throws Exception {
        String marker = created("finance", "/api/accounts/" + account + "/charges", CHARGE_BODY);
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> lines = ledgerLines(account);
            if (chargeReferences(lines).contains(marker)) {
                return lines;
            }
            Thread.sleep(200);
        }
        return fail("ledger of %s did not show marker %s within %s", account, marker, CATCH_UP_TIMEOUT);
    }

    private List<JsonNode> ledgerLines(String account) throws Exception {
        JsonNode ledger = getJson("/api/accounts/" + account + "/ledger");
        List<JsonNode> lines = new ArrayList<>();
        ledger.path("lines").forEach(lines::add);
        return lines;
    }

    /** The ledger's lines, or null while a rebuild has not reached the account yet (404). */
    private List<JsonNode> rebuiltLedgerLines(String account) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/accounts/" + account + "/ledger"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", basic("finance")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return null;
        }
        List<JsonNode> lines = new ArrayList<>();
        json.readTree(response.body()).path("lines").forEach(lines::add);
        return lines;
    }

    private static List<String> chargeReferences(List<JsonNode> lines) {
        return lines.stream().map(line -> line.path("entry"))
                .filter(entry -> entry.path("kind").asText().equals("CHARGE"))
                .map(entry -> entry.path("reference").asText())
                .toList();
    }

    /** charged = number of charge lines x 1.00, and the balance saw the ledger's last event. */
    private void assertBalanceMatchesLedger(String account, List<JsonNode> lines) throws Exception {
        JsonNode balance = getJson("/api/accounts/" + account + "/balance");
        long charges = chargeReferences(lines).size();
        assertThat(lines).as("ledger of %s: only charges", account).hasSize((int) charges);
        assertThat(new BigDecimal(balance.path("charged").asText()))
                .as("balance of %s: charged", account)
                .isEqualByComparingTo(ONE.multiply(BigDecimal.valueOf(charges)));
        List<Long> sequences = lines.stream().map(line -> line.path("entry").path("sequence").asLong()).toList();
        for (int i = 1; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).as("ledger of %s: sequence of line %d", account, i)
                    .isEqualTo(sequences.get(0) + i);
        }
        assertThat(balance.path("lastSequence").asLong()).as("balance of %s: last sequence", account)
                .isEqualTo(sequences.get(sequences.size() - 1));
    }

    private String created(String user, String path, String body) throws Exception {
        HttpResponse<String> response = post(user, path, newKey("setup"), body);
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asText();
    }

    private HttpResponse<String> post(String user, String path, String idempotencyKey, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user))
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic("finance"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String newKey(String prefix) {
        return "kill9-" + prefix + "-" + keys.incrementAndGet();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}

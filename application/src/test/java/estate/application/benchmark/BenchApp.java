package estate.application.benchmark;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The service under test: the packaged jar in its own JVM, on a data dir of its own, with the embedded default
 * stores (H2 file event store with {@code WRITE_DELAY=0}, in-process MongoDB-protocol server). The benchmark
 * (another JVM) starts it, reads its admin endpoints and stops it.
 */
final class BenchApp implements AutoCloseable {

    /** Users of the benchmark company: every staff role, serving every estate; password {@value #PASSWORD}. */
    static final String PASSWORD = "estate-demo";
    private static final String HASH = "$2a$10$qPbdw5blTj3omz.htSJdSOeK18tSkY0R6dZBha8rwzondH8eTUdVO";

    private final Path jar;
    private final Path dataDir;
    private final Path log;
    private final String heap;
    private final int port;
    private final List<String> extraArgs;
    private Process process;
    private int lives;
    private BenchHttp admin;

    BenchApp(Path jar, Path dataDir, String heap, List<String> extraArgs) throws IOException {
        this.jar = jar;
        this.dataDir = dataDir;
        this.log = dataDir.resolve("app.log");
        this.heap = heap;
        this.extraArgs = extraArgs;
        this.port = freePort();
        Files.writeString(dataDir.resolve("users.yml"), users(), StandardCharsets.UTF_8);
    }

    private static String users() {
        StringBuilder yml = new StringBuilder("estate:\n  security:\n    users:\n");
        for (String[] user : List.of(new String[]{"manager", "MANAGER, FINANCE"},
                new String[]{"cs", "CUSTOMER_SERVICE"}, new String[]{"maint", "MAINTENANCE"},
                new String[]{"finance", "FINANCE"}, new String[]{"auditor", "AUDITOR"})) {
            yml.append("      - { username: ").append(user[0]).append(", password: \"").append(HASH)
                    .append("\", roles: [").append(user[1]).append("], estates: [\"*\"] }\n");
        }
        return yml.toString();
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the jar and waits until it answers healthy; returns the seconds from process start to healthy. */
    double start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseG1GC"));
        if (Boolean.getBoolean("bench.jfr")) { // a CPU profile of the app, for docs/performance.md
            command.add("-XX:StartFlightRecording=filename=" + dataDir.resolve("app-" + (++lives) + ".jfr")
                    + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(extraArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        Stream.of("ESTATE_EVENTSTORE_URL", "MONGODB_URI", "AXON_AXONSERVER_ENABLED", "ESTATE_SECURITY_MODE",
                "SPRING_PROFILES_ACTIVE").forEach(env::remove);
        env.put("ESTATE_DATA_DIR", dataDir.toString());
        env.put("ESTATE_USERS_FILE", dataDir.resolve("users.yml").toString());
        env.put("PORT", Integer.toString(port));
        long t0 = System.nanoTime();
        process = builder.start();
        admin = new BenchHttp(baseUrl(), 2);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + "; log:\n" + logTail());
            }
            try {
                BenchHttp.Response health = admin.get(null, "/actuator/health");
                if (health.status() == 200 && health.json().path("status").asText().equals("UP")) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not healthy in 30 minutes; log:\n" + logTail());
    }

    /** A graceful stop (SIGTERM), as an operator would do before a restart. */
    void stop() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        process = null;
    }

    long pid() {
        return process.pid();
    }

    /** The processors' status, from {@code GET /actuator/processors}. */
    JsonNode processors() throws Exception {
        BenchHttp.Response response = admin.get("manager", "/actuator/processors");
        if (response.status() != 200) {
            throw new IllegalStateException("GET /actuator/processors: " + response.status() + " " + response.body());
        }
        return response.json();
    }

    /** The event store's head: the global index of the last stored event (about the number of events stored). */
    long head() throws Exception {
        return processors().path("head").asLong();
    }

    /**
     * Waits until every streaming processor named (all if {@code names} is empty) has caught up with the head of
     * the log as it was when this was called; returns the seconds waited.
     */
    double awaitCaughtUp(List<String> names, Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        long target = head();
        long deadline = t0 + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (caughtUp(processors(), names, target)) {
                return (System.nanoTime() - t0) / 1e9;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("processors " + names + " not caught up with " + target + " in " + timeout
                + ": " + processors());
    }

    static boolean caughtUp(JsonNode status, List<String> names, long target) {
        for (JsonNode processor : status.path("processors")) {
            String name = processor.path("name").asText();
            boolean streaming = List.of("tracking", "pooled", "streaming").contains(processor.path("type").asText());
            if (!streaming || (!names.isEmpty() && !names.contains(name))) {
                continue;
            }
            if (!processor.path("caughtUp").asBoolean() || processor.path("replaying").asBoolean()) {
                return false;
            }
            for (JsonNode segment : processor.path("segments")) {
                if (segment.path("position").asLong(-1) < target) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Rebuilds a processor's read models from the log: {@code POST /actuator/processors/{name}} reset. */
    void reset(String name) throws Exception {
        BenchHttp.Response response = admin.post("manager", "/actuator/processors/" + name, null,
                "{\"action\":\"reset\"}");
        if (response.status() >= 300) {
            throw new IllegalStateException("reset " + name + ": " + response.status() + " " + response.body());
        }
    }

    /** A metric's measurement by statistic, from {@code /actuator/metrics/{name}?tag=...}. */
    double metric(String name, String statistic, String... tags) throws Exception {
        StringBuilder path = new StringBuilder("/actuator/metrics/" + name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? "?" : "&").append("tag=").append(tags[i]);
        }
        BenchHttp.Response response = admin.get("manager", path.toString());
        if (response.status() != 200) {
            return Double.NaN;
        }
        for (JsonNode m : response.json().path("measurements")) {
            if (m.path("statistic").asText().equals(statistic)) {
                return m.path("value").asDouble();
            }
        }
        return Double.NaN;
    }

    /** The Prometheus scrape (for histogram buckets). */
    String prometheus() throws Exception {
        return admin.get("manager", "/actuator/prometheus").body();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}

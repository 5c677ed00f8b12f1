package estate.application.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * The load generator's HTTP client: HTTP/1.1 with keep-alive, HTTP Basic as the staff apps send it, and a fresh
 * {@code Idempotency-Key} on every POST.
 */
final class BenchHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient client;

    BenchHttp(String base, int threads) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(Math.max(2, threads), daemon()))
                .build();
    }

    record Response(int status, String body, long nanos) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String id() {
            return json().path("id").asText();
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    Response get(String user, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .GET();
        if (user != null) {
            request.header("Authorization", basic(user));
        }
        return send(request.build());
    }

    Response post(String user, String path, String key, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", basic(user))
                .header("Idempotency-Key", key == null ? UUID.randomUUID().toString() : key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** A POST that must succeed; returns the created id (or the body's id). */
    String created(String user, String path, String body) throws IOException, InterruptedException {
        Response response = post(user, path, null, body);
        if (!response.ok()) {
            throw new IllegalStateException("POST " + path + " as " + user + ": " + response.status() + " "
                    + response.body() + "\nrequest: " + body);
        }
        return response.body().isEmpty() ? "" : response.id();
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), System.nanoTime() - t0);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + BenchApp.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "bench-http");
            thread.setDaemon(true);
            return thread;
        };
    }
}

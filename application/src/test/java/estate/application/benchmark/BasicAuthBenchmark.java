package estate.application.benchmark;

import estate.application.support.ApiClient;
import estate.application.support.ApplicationTest;
import estate.application.support.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sequential authenticated GETs (HTTP Basic, one user) against the running test application: what the BCrypt
 * check costs per request. Not a test: {@code ./mvnw -pl application test -Pbenchmark -Dtest=BasicAuthBenchmark}
 * (with the other modules built). Results go to {@code application/target/benchmarks/basic-auth.txt}.
 */
@Tag("benchmark")
class BasicAuthBenchmark extends ApplicationTest {

    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);

    @Test
    void sequentialAuthenticatedGets() throws IOException {
        Scenario.eventually(() -> api.get("manager", "/api/estates/sunrise").status(), status -> status == 200);
        for (int i = 0; i < 20; i++) {
            assertThat(api.get("manager", "/api/estates/sunrise").status()).isEqualTo(200);
        }
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            ApiClient.Response response = api.get("manager", "/api/estates/sunrise");
            assertThat(response.status()).isEqualTo(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = "%d sequential GET /api/estates/sunrise (Basic): %.2f s, %.1f req/s, %.1f ms/req%n"
                .formatted(REQUESTS, seconds, REQUESTS / seconds, seconds * 1000 / REQUESTS);
        System.out.print(line);
        Path out = Path.of("target", "benchmarks", "basic-auth.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line);
    }
}

package estate.application.support;

import estate.application.EstateApplication;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The real application on its embedded stores, on a random port, driven over HTTP. Subclasses say which stores:
 * {@link ApplicationTest} shares one context among most test classes; a class whose tests change estate-wide
 * state (fee schedules, bill runs) declares stores of its own with {@link #isolatedStores}.
 */
@AutoConfigureObservability
@SpringBootTest(classes = EstateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AbstractApiTest {

    public static final String SUNRISE = "sunrise";
    public static final String LAKESIDE = "lakeside";
    public static final int SNAPSHOT_THRESHOLD = 4;

    /** Snapshot often, so that every end-to-end test also loads aggregates from snapshots. */
    @DynamicPropertySource
    static void snapshots(DynamicPropertyRegistry registry) {
        registry.add("estate.snapshot.owner-account-threshold", () -> SNAPSHOT_THRESHOLD);
        registry.add("estate.snapshot.estate-threshold", () -> SNAPSHOT_THRESHOLD);
    }

    /** Registers a fresh event store and read database in {@code dataDir}. */
    protected static void isolatedStores(DynamicPropertyRegistry registry, Path dataDir) {
        TestStores.properties(dataDir).forEach((key, value) -> {
            if (!key.equals("server.port")) {
                registry.add(key, () -> value);
            }
        });
    }

    @LocalServerPort
    protected int port;
    protected ApiClient api;
    protected Scenario given;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        given = new Scenario(api);
        given.ensureEstate(SUNRISE);
        given.ensureEstate(LAKESIDE);
    }

    /** A unit number no other test uses. */
    protected static String unitNumber() {
        return "U-" + UUID.randomUUID().toString().substring(0, 8);
    }
}

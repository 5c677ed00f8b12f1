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
 * The real application on its embedded stores, on a random port, shared by every test class that extends
 * this one (one Spring context). Tests make their own units and accounts, so they do not see each other.
 */
@AutoConfigureObservability
@SpringBootTest(classes = EstateApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApplicationTest {

    public static final String SUNRISE = "sunrise";
    public static final String LAKESIDE = "lakeside";
    private static final Path DATA = TestStores.newDataDir();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        TestStores.properties(DATA).forEach((key, value) -> {
            if (!key.equals("server.port")) {
                registry.add(key, () -> value);
            }
        });
        // snapshot often, so that every end-to-end test also loads aggregates from snapshots
        registry.add("estate.snapshot.owner-account-threshold", () -> SNAPSHOT_THRESHOLD);
        registry.add("estate.snapshot.estate-threshold", () -> SNAPSHOT_THRESHOLD);
    }

    public static final int SNAPSHOT_THRESHOLD = 4;

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

package estate.application.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Store settings for a test application: a fresh H2 file event store in a temp directory and a read database
 * of its own. The read side is the app's in-process MongoDB-protocol server, or the real MongoDB named by the
 * environment variable {@code MONGODB_URI} (the same tests then run against it).
 */
public final class TestStores {

    private TestStores() {
    }

    public static Path newDataDir() {
        try {
            return Files.createTempDirectory("estate-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> properties(Path dataDir) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("estate.data-dir", dataDir.toString());
        properties.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("eventstore")
                + ";WRITE_DELAY=0;RETENTION_TIME=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000");
        properties.put("estate.mongo.database", "estate_test_" + UUID.randomUUID().toString().replace("-", ""));
        properties.put("server.port", "0");
        return properties;
    }
}

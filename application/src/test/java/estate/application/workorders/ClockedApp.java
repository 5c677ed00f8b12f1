package estate.application.workorders;

import estate.application.EstateApplication;
import estate.application.support.ApiClient;
import estate.application.support.TestStores;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One instance of the real application on the event store in {@code dataDir} (H2 file: several instances in this
 * JVM share it, as several processes share a database), with its own in-process read store, the given application
 * clock, and the SLA sweeper and inspection scheduler running every 200 ms.
 */
public final class ClockedApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    public final ApiClient api;

    private ClockedApp(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = new ApiClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    public static ClockedApp start(Path dataDir, Clock clock) {
        Map<String, Object> properties = TestStores.properties(dataDir);
        properties.put("estate.mongo.uri", "");
        // several instances run on one data directory here; the embedded read store's file admits one process
        properties.put("estate.mongo.embedded-store", "memory");
        properties.put("estate.workorders.sla-sweep-interval", "PT0.2S");
        properties.put("estate.workorders.inspection-interval", "PT0.2S");
        String[] arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return new ClockedApp(new SpringApplicationBuilder(EstateApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run(arguments));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** How many events of this type the log holds for this aggregate: what happened, whoever did it. */
    public long events(String aggregateId, Class<?> eventType) {
        Long count = bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM DomainEventEntry "
                + "WHERE aggregateIdentifier = ? AND payloadType = ?", Long.class, aggregateId, eventType.getName());
        return count == null ? 0 : count;
    }

    @Override
    public void close() {
        context.close();
    }
}

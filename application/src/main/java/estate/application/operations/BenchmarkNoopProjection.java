package estate.application.operations;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code estate.benchmark.noop-processor=true}: the tracking processor {@value #GROUP}, whose handler takes
 * every event and does nothing. Same event store, token store and processor settings ({@code application.yml},
 * {@code axon.eventhandling.processors}) as the read models, no read-model writes: the ceiling a replay can reach.
 * Off by default.
 */
@Component
@ConditionalOnProperty(name = "estate.benchmark.noop-processor", havingValue = "true")
@ProcessingGroup(BenchmarkNoopProjection.GROUP)
public class BenchmarkNoopProjection {

    public static final String GROUP = "benchmark-noop";

    @EventHandler
    void on(Object event) {
        // nothing: the benchmark measures reading and dispatching the log alone
    }
}

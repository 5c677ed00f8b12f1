package estate.application.support;

import estate.application.config.ReadModelProcessingConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.Collection;

/** Rebuilds read models from the log in a test: resets the processors that run the given processing groups. */
public final class ReadModelRebuild {

    private ReadModelRebuild() {
    }

    /** Shuts down, resets and restarts each processor running one of {@code groups}, once each. */
    public static void rebuild(EventProcessingConfiguration processing, Collection<String> groups) {
        groups.stream().map(ReadModelProcessingConfig::processorOf).distinct().forEach(name -> {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("No processor " + name));
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        });
    }
}

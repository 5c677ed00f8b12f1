package estate.application.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Projection lag: for every streaming (tracking or pooled) processor, the time from an event's timestamp (set on
 * the application {@link Clock} when the command's unit of work produced it) to the commit of the processor's unit
 * of work that handled it, on the same clock: the Micrometer timer {@value #TIMER} with tag {@code processor}
 * (percentiles 0.5 and 0.99 and a percentile histogram; {@code /actuator/metrics/estate.projection.lag},
 * {@code /actuator/prometheus}). Replays are left out: events delivered under a replay token (after a reset), and
 * the catch-up of a processor that has not yet reached the head of the log since it started (at every start of
 * the embedded default each processor reads the whole log, and those ages say nothing about lag). Subscribing
 * processors handle events in the command's own transaction and are not measured.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionLagConfig {

    public static final String TIMER = "estate.projection.lag";

    @Bean
    ConfigurerModule projectionLagInterceptors(MeterRegistry registry, Clock clock) {
        return configurer -> configurer.eventProcessing().registerDefaultHandlerInterceptor((config, name) ->
                new LagInterceptor(name, () -> config.eventProcessingConfiguration(), registry, clock));
    }

    static Timer timer(MeterRegistry registry, String processor) {
        return Timer.builder(TIMER)
                .description("Time from an event's timestamp to the commit of its handling by a streaming processor")
                .tag("processor", processor)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
    }

    /** Measures one processor; finds out on the first event whether it is a streaming one. */
    static final class LagInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processorName;
        private final Supplier<EventProcessingConfiguration> processing;
        private final MeterRegistry registry;
        private final Clock clock;
        private volatile Optional<StreamingEventProcessor> processor;
        private volatile Timer timer;

        LagInterceptor(String processorName, Supplier<EventProcessingConfiguration> processing,
                       MeterRegistry registry, Clock clock) {
            this.processorName = processorName;
            this.processing = processing;
            this.registry = registry;
            this.clock = clock;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            EventMessage<?> event = unitOfWork.getMessage();
            if (isLive(event)) {
                Instant produced = event.getTimestamp();
                unitOfWork.afterCommit(u -> timer().record(Duration.between(produced, clock.instant())));
            }
            return chain.proceed();
        }

        private boolean isLive(EventMessage<?> event) {
            Optional<StreamingEventProcessor> streaming = streaming();
            if (streaming.isEmpty() || ReplayToken.isReplay(event)) {
                return false;
            }
            Map<Integer, EventTrackerStatus> status = streaming.get().processingStatus();
            if (status.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus segment : status.values()) {
                if (!segment.isCaughtUp()) {
                    return false;
                }
            }
            return true;
        }

        private Optional<StreamingEventProcessor> streaming() {
            Optional<StreamingEventProcessor> known = processor;
            if (known == null) {
                Optional<EventProcessor> found = processing.get().eventProcessor(processorName);
                known = found.filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast);
                processor = known;
            }
            return known;
        }

        private Timer timer() {
            Timer known = timer;
            if (known == null) {
                known = ProjectionLagConfig.timer(registry, processorName);
                timer = known;
            }
            return known;
        }
    }
}

package estate.application.config;

import estate.domain.estates.Estate;
import estate.domain.owners.OwnerAccount;
import estate.domain.owners.UnitTransferHandler;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.util.Map;

/**
 * Axon wiring: the Jackson serializers, the aggregates with their snapshot triggers, the external command
 * handler for unit transfers, the metadata every event carries, and the command-side lookup processor.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Metadata keys copied from each command to the events it causes: who, in which role, for which request. */
    public static final String USER_ID = "userId";
    public static final String ROLE = "role";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(EstateJson.messageMapper())
                .revisionResolver(new AnnotationRevisionResolver())
                .build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    /** Copies who, the request's correlation id and its idempotency key from a command to its events. */
    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(USER_ID, ROLE, IDEMPOTENCY_KEY, CORRELATION_ID);
    }

    /** Names the message (command) that caused each event. */
    @Bean
    CorrelationDataProvider causationProvider() {
        return message -> Map.of(CAUSATION_ID, message.getIdentifier());
    }

    /**
     * The aggregates' repositories as beans: Spring's snapshotter finds the aggregate factories of aggregates
     * that are not Spring beans through them (a snapshot needs the factory to rebuild the aggregate).
     */
    @Bean
    EventSourcingRepository<OwnerAccount> ownerAccountRepository(org.axonframework.config.Configuration axon) {
        return (EventSourcingRepository<OwnerAccount>) axon.repository(OwnerAccount.class);
    }

    @Bean
    EventSourcingRepository<Estate> estateRepository(org.axonframework.config.Configuration axon) {
        return (EventSourcingRepository<Estate>) axon.repository(Estate.class);
    }

    @Bean
    ConfigurerModule aggregates(@Value("${estate.snapshot.owner-account-threshold}") int accountThreshold,
                                @Value("${estate.snapshot.estate-threshold}") int estateThreshold,
                                @Value("${estate.cache.owner-accounts:5000}") int accountsCached,
                                @Value("${estate.cache.estates:64}") int estatesCached) {
        // the aggregates used last stay in memory (ADR 6): an estate of 10,000 units is not rebuilt from its
        // snapshot on every RegisterUnit, nor an account on every command; a rolled-back unit of work evicts
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(OwnerAccount.class)
                    .configureCache(c -> new BoundedAggregateCache(accountsCached))
                    .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                            c.getComponent(Snapshotter.class), accountThreshold)));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Estate.class)
                    .configureCache(c -> new BoundedAggregateCache(estatesCached))
                    .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                            c.getComponent(Snapshotter.class), estateThreshold)));
            configurer.registerCommandHandler(c -> new UnitTransferHandler(c.repository(OwnerAccount.class)));
            // a failed command-side lookup update must fail (and roll back) the command that caused it; a failed
            // read-model update must not be skipped either: the processor retries it (with back-off) instead
            configurer.eventProcessing().registerDefaultListenerInvocationErrorHandler(
                    c -> PropagatingErrorHandler.instance());
        };
    }

    /** Event timestamps come from the same clock as everything else (a test can fix it). */
    @Bean
    EventClock eventClock(Clock clock) {
        GenericEventMessage.clock = clock;
        return new EventClock();
    }

    @Bean
    CommandBusInterceptors commandBusInterceptors(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new RequestMetadataDispatchInterceptor());
        commandBus.registerHandlerInterceptor(new RuleViolationTranslator());
        return new CommandBusInterceptors();
    }

    /** Marker: GenericEventMessage uses the application clock. */
    public static final class EventClock {
    }

    /** Marker: the command bus carries request metadata and transportable rule violations. */
    public static final class CommandBusInterceptors {
    }
}

package estate.domain.testing;

import estate.domain.shared.DomainRuleViolation;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Given/when/then for an event-sourced aggregate, run through Axon's own machinery: a {@link SimpleCommandBus},
 * the {@link AggregateAnnotationCommandHandler}, an {@link EventSourcingRepository} on an in-memory event store
 * and resources injected into handler parameters. Its vocabulary follows Axon's {@code AggregateTestFixture}.
 *
 * <p>Aggregate tests use {@code AggregateTestFixture} (see the house style). This scenario is kept only for what
 * the fixture cannot do: it holds one aggregate instance and accepts events of that aggregate only, while a unit
 * transfer ({@code UnitTransferTest}) loads two accounts and stores events of both. This scenario holds any number
 * of aggregates of its type: {@link #given(Object...)} files each event under the aggregate that
 * {@code aggregateIdOf} names, after what that aggregate already has. Delete it with its last user.
 */
public final class AggregateScenario<A> {

    private final Class<A> aggregateType;
    private final Function<Object, String> aggregateIdOf;
    private final List<Object> resources = new ArrayList<>();
    private final List<Object> annotatedHandlers = new ArrayList<>();
    private final List<Object> publishedPayloads = new ArrayList<>();

    private EventStore eventStore;
    private SimpleCommandBus commandBus;
    private EventSourcingRepository<A> repository;

    private AggregateScenario(Class<A> aggregateType, Function<Object, String> aggregateIdOf) {
        this.aggregateType = aggregateType;
        this.aggregateIdOf = aggregateIdOf;
    }

    /**
     * @param eventType     the aggregate's event type
     * @param aggregateIdOf the raw aggregate identifier an event belongs to
     */
    public static <A, E> AggregateScenario<A> of(Class<A> aggregateType, Class<E> eventType,
                                                 Function<? super E, String> aggregateIdOf) {
        return new AggregateScenario<>(aggregateType, event -> aggregateIdOf.apply(eventType.cast(event)));
    }

    /** A resource that handlers receive as a parameter, like the fixture's {@code registerInjectableResource}. */
    public AggregateScenario<A> registerInjectableResource(Object resource) {
        requireNotStarted();
        resources.add(Objects.requireNonNull(resource, "resource"));
        return this;
    }

    /** Subscribes an external command handler; build it with {@link #getRepository()} where it loads aggregates. */
    public AggregateScenario<A> registerAnnotatedCommandHandler(Object handler) {
        annotatedHandlers.add(Objects.requireNonNull(handler, "handler"));
        if (commandBus != null) {
            new AnnotationCommandHandlerAdapter<>(handler, parameterResolverFactory()).subscribe(commandBus);
        }
        return this;
    }

    public Repository<A> getRepository() {
        start();
        return repository;
    }

    public AggregateScenario<A> givenNoPriorActivity() {
        start();
        return this;
    }

    /** Stores these events as the past of the aggregates they name, without running any handler. */
    public AggregateScenario<A> given(Object... events) {
        start();
        for (Object event : events) {
            String aggregateId = aggregateIdOf.apply(event);
            long sequence = eventStore.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
            eventStore.publish(new GenericDomainEventMessage<>(aggregateType.getSimpleName(), aggregateId, sequence,
                    event));
        }
        return this;
    }

    /** Dispatches these commands as the past; each must succeed. */
    public AggregateScenario<A> givenCommands(Object... commands) {
        start();
        for (Object command : commands) {
            CommandResultMessage<?> result = dispatch(command);
            if (result.isExceptional()) {
                throw new AssertionError("Given command " + command + " failed", result.exceptionResult());
            }
        }
        return this;
    }

    public Outcome when(Object command) {
        start();
        publishedPayloads.clear();
        CommandResultMessage<?> result = dispatch(command);
        return new Outcome(command, List.copyOf(publishedPayloads),
                result.isExceptional() ? result.exceptionResult() : null);
    }

    private CommandResultMessage<?> dispatch(Object command) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commandBus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        return callback.getResult();
    }

    private void start() {
        if (commandBus != null) {
            return;
        }
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        eventStore.subscribe(messages -> messages.stream().map(EventMessage::getPayload)
                                                 .forEach(publishedPayloads::add));
        ParameterResolverFactory parameters = parameterResolverFactory();
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType, parameters);
        repository = EventSourcingRepository.builder(aggregateType)
                                            .aggregateModel(model)
                                            .parameterResolverFactory(parameters)
                                            .eventStore(eventStore)
                                            .build();
        commandBus = SimpleCommandBus.builder().build();
        AggregateAnnotationCommandHandler.<A>builder()
                                         .aggregateType(aggregateType)
                                         .aggregateModel(model)
                                         .parameterResolverFactory(parameters)
                                         .repository(repository)
                                         .build()
                                         .subscribe(commandBus);
        for (Object handler : annotatedHandlers) {
            new AnnotationCommandHandlerAdapter<>(handler, parameters).subscribe(commandBus);
        }
    }

    private ParameterResolverFactory parameterResolverFactory() {
        return MultiParameterResolverFactory.ordered(
                new SimpleResourceParameterResolverFactory(List.copyOf(resources)),
                ClasspathParameterResolverFactory.forClass(aggregateType));
    }

    private void requireNotStarted() {
        if (commandBus != null) {
            throw new IllegalStateException("Register resources before the given or when step");
        }
    }

    /** What the command in the when step did. */
    public static final class Outcome {

        private final Object command;
        private final List<Object> events;
        private final Throwable exception;

        private Outcome(Object command, List<Object> events, Throwable exception) {
            this.command = command;
            this.events = events;
            this.exception = exception;
        }

        /** The command succeeded and published exactly these events, in this order. */
        public Outcome expectEvents(Object... expected) {
            if (exception != null) {
                throw new AssertionError("Expected " + command + " to succeed, but it failed with " + describe(exception),
                        exception);
            }
            assertThat(events).as("events published by %s", command).containsExactly(expected);
            return this;
        }

        public Outcome expectNoEvents() {
            return expectEvents();
        }

        /** The command was rejected with a {@link DomainRuleViolation} of this kind and code, and published nothing. */
        public Outcome expectRuleViolation(DomainRuleViolation.Kind kind, String code) {
            if (exception == null) {
                fail("Expected %s to be rejected with %s, but it succeeded with events %s", command, code, events);
            }
            assertThat(exception).as("exception thrown by %s", command).isInstanceOf(DomainRuleViolation.class);
            DomainRuleViolation violation = (DomainRuleViolation) exception;
            assertThat(violation.code()).as("code of %s", describe(violation)).isEqualTo(code);
            assertThat(violation.kind()).as("kind of %s", describe(violation)).isEqualTo(kind);
            assertThat(events).as("events published by a rejected command").isEmpty();
            return this;
        }

        public Throwable exception() {
            return exception;
        }

        private static String describe(Throwable exception) {
            return exception instanceof DomainRuleViolation violation
                    ? violation.getClass().getSimpleName() + "[" + violation.code() + "]: " + violation.getMessage()
                    : exception.toString();
        }
    }
}

package estate.application.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@code GET /actuator/processors}: every event processor with its type and state and, for streaming ones, each
 * segment's position in the log, beside the log's head (the global index of the last event): a projection has
 * caught up when every segment's position is the head ({@code replaying}: still re-reading the events recorded
 * before its last reset). {@code POST /actuator/processors/{name}} with
 * {@code {"action":"reset"}} rebuilds a streaming processor's read model from the log: shut it down, reset its
 * tokens (its {@code @ResetHandler}s drop the read model) and start it again; the answer comes at once, the
 * replay runs on. Access: see {@code SecurityConfig} (read: MANAGER, AUDITOR; reset: MANAGER).
 */
@Component
@Endpoint(id = "processors")
public class ProcessorsEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorsEndpoint.class);
    private static final String RESET = "reset";

    private final org.axonframework.config.Configuration axon;

    public ProcessorsEndpoint(org.axonframework.config.Configuration axon) {
        this.axon = axon;
    }

    @ReadOperation
    public Map<String, Object> processors() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("head", head());
        List<Map<String, Object>> processors = new ArrayList<>();
        new TreeMap<>(processing().eventProcessors()).values().forEach(p -> processors.add(describe(p)));
        answer.put("processors", processors);
        return answer;
    }

    @WriteOperation
    public WebEndpointResponse<Map<String, Object>> act(@Selector String name, @Nullable String action) {
        String instance = "/actuator/processors/" + name;
        if (!RESET.equals(action)) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-action",
                    "The action must be \"reset\"", instance);
        }
        EventProcessor processor = processing().eventProcessor(name).orElse(null);
        if (processor == null) {
            return problem(HttpStatus.NOT_FOUND, "unknown-processor", "No event processor " + name, instance);
        }
        if (!(processor instanceof StreamingEventProcessor streaming) || !streaming.supportsReset()) {
            return problem(HttpStatus.CONFLICT, "processor-not-resettable", "Processor " + name
                    + " is " + type(processor) + "; only tracking and pooled processors can be rebuilt from the log",
                    instance);
        }
        LOG.info("Resetting event processor {}: its read model is rebuilt from the log", name);
        streaming.shutDown();
        try {
            streaming.resetTokens();
        } catch (RuntimeException e) {
            LOG.warn("Could not reset event processor {}", name, e);
            streaming.start();
            return problem(HttpStatus.CONFLICT, "reset-refused", "Processor " + name
                    + " could not be reset (another instance may hold its segments); it runs on unchanged", instance);
        }
        streaming.start();
        return new WebEndpointResponse<>(describe(streaming), HttpStatus.OK.value());
    }

    private EventProcessingConfiguration processing() {
        return axon.eventProcessingConfiguration();
    }

    private Long head() {
        EventStore store = axon.eventStore();
        TrackingToken head = store.createHeadToken();
        if (head == null) {
            return null;
        }
        OptionalLong position = head.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static Map<String, Object> describe(EventProcessor processor) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", processor.getName());
        view.put("type", type(processor));
        view.put("running", processor.isRunning());
        view.put("error", processor.isError());
        if (processor instanceof StreamingEventProcessor streaming) {
            Map<Integer, EventTrackerStatus> status = new TreeMap<>(streaming.processingStatus());
            boolean caughtUp = !status.isEmpty();
            boolean replaying = false;
            List<Map<String, Object>> segments = new ArrayList<>();
            for (EventTrackerStatus segment : status.values()) {
                OptionalLong position = segment.getCurrentPosition();
                boolean segmentReplaying = replaying(segment, position);
                caughtUp &= segment.isCaughtUp();
                replaying |= segmentReplaying;
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("segment", segment.getSegment().getSegmentId());
                s.put("position", position.isPresent() ? position.getAsLong() : null);
                s.put("caughtUp", segment.isCaughtUp());
                s.put("replaying", segmentReplaying);
                s.put("error", segment.isErrorState());
                segments.add(s);
            }
            view.put("replaying", replaying);
            view.put("caughtUp", caughtUp);
            view.put("segments", segments);
        }
        return view;
    }

    /**
     * Re-reading events from before a reset. Axon keeps the replay token (and {@code isReplaying()}) until the first
     * event after the reset position arrives; a segment that has reached that position has finished its replay.
     */
    private static boolean replaying(EventTrackerStatus segment, OptionalLong position) {
        if (!segment.isReplaying()) {
            return false;
        }
        OptionalLong resetAt = segment.getResetPosition();
        return resetAt.isEmpty() || position.isEmpty() || position.getAsLong() < resetAt.getAsLong();
    }

    static String type(EventProcessor processor) {
        if (processor instanceof TrackingEventProcessor) {
            return "tracking";
        }
        if (processor instanceof PooledStreamingEventProcessor) {
            return "pooled";
        }
        if (processor instanceof SubscribingEventProcessor) {
            return "subscribing";
        }
        return processor instanceof StreamingEventProcessor ? "streaming" : "other";
    }

    private static WebEndpointResponse<Map<String, Object>> problem(HttpStatus status, String code, String detail,
                                                                    String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("code", code);
        return new WebEndpointResponse<>(problem, status.value(), MediaType.APPLICATION_PROBLEM_JSON);
    }
}

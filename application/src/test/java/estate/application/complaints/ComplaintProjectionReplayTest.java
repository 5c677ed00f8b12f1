package estate.application.complaints;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApplicationTest;
import estate.application.support.ReadModelRebuild;
import estate.projections.complaints.ComplaintAnalysisProjection;
import estate.projections.complaints.ComplaintHistoryProjection;
import estate.projections.complaints.ComplaintQueueProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint read models (queue, history, analysis) apply each event once however often it arrives, and a reset
 * of each processor rebuilds the same read models from the log.
 */
class ComplaintProjectionReplayTest extends ApplicationTest {

    private static final List<String> GROUPS = List.of(ComplaintQueueProjection.GROUP,
            ComplaintHistoryProjection.GROUP, ComplaintAnalysisProjection.GROUP);

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ComplaintQueueProjection queue;
    @Autowired
    ComplaintHistoryProjection history;
    @Autowired
    ComplaintAnalysisProjection analysis;

    @Test
    void deliveringEveryEventOfTwoComplaintsASecondTimeChangesNothing() {
        List<String> complaints = busyComplaints();
        Map<String, JsonNode> before = readModels(complaints);

        for (Object projection : List.of(queue, history, analysis)) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            for (String complaint : complaints) {
                for (DomainEventMessage<?> event : eventStore.readEvents(complaint, 0).asStream().toList()) {
                    if (adapter.canHandle(event)) {
                        try {
                            adapter.handle(event);
                        } catch (Exception e) {
                            throw new AssertionError("Redelivering " + event.getPayloadType() + " failed", e);
                        }
                    }
                }
            }
        }

        assertThat(readModels(complaints)).isEqualTo(before);
    }

    @Test
    void resettingEachProcessorRebuildsTheSameReadModels() {
        List<String> complaints = busyComplaints();
        Map<String, JsonNode> before = readModels(complaints);

        ReadModelRebuild.rebuild(processing, GROUPS);

        assertThat(eventually(() -> readModelsIfPresent(complaints), before::equals)).isEqualTo(before);
    }

    /**
     * A complaint transferred, noted, resolved, not accepted on the return visit (reopened and escalated), resolved
     * again and closed; and a duplicate merged into it.
     */
    private List<String> busyComplaints() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Complaint replay"), unitNumber(), "70.00");
        String account = given.account(SUNRISE, "OWNER", "Replay Complainant", "13600000001", unit, "owner1");
        String id = api.ok("owner1", "/api/complaints", """
                {"accountId":"%s","category":"CLEANLINESS","description":"Bins overflow every weekend"}"""
                .formatted(account)).id();
        String duplicate = api.ok("cs", "/api/complaints", """
                {"estateId":"sunrise","channel":"PHONE","category":"CLEANLINESS","description":"Bins overflow"}""")
                .id();
        String path = "/api/complaints/" + id;
        api.ok("cs", path + "/acknowledgement", "{\"message\":\"We are on it\"}");
        api.ok("cs", path + "/assignment", "{\"staffMember\":\"cs\"}");
        api.ok("cs", path + "/transfer", "{\"team\":\"cleaning\",\"reason\":\"The cleaning team owns the bins\"}");
        api.ok("cs", path + "/investigation", "{}");
        api.ok("cs", path + "/internal-notes", "{\"note\":\"Contractor skips Saturdays\"}");
        api.ok("cs", "/api/complaints/" + duplicate + "/merge", "{\"into\":\"" + id + "\"}");
        api.ok("cs", path + "/resolution", "{\"resolution\":\"Extra collection on Saturday\"}");
        api.ok("cs", path + "/return-visit", "{\"rating\":2,\"accepted\":false,\"comment\":\"Still full\"}");
        api.ok("cs", path + "/resolution", "{\"resolution\":\"Two extra collections\",\"actions\":[\"New rota\"]}");
        api.ok("cs", path + "/return-visit", "{\"rating\":5,\"accepted\":true}");
        List<String> complaints = List.of(id, duplicate);
        eventually(() -> readModelsIfPresent(complaints), models -> models != null
                && last(models.get("history")).equals("ComplaintClosed")
                && last(models.get("mergedHistory")).equals("ComplaintMerged")
                && "CLOSED".equals(models.get("complaint").path("status").asText())
                && "MERGED".equals(models.get("merged").path("status").asText()));
        // the analysis is its own processor: wait until two reads a moment apart agree
        AtomicReference<Map<String, JsonNode>> previous = new AtomicReference<>();
        eventually(() -> {
            Map<String, JsonNode> now = readModelsIfPresent(complaints);
            return now != null && now.equals(previous.getAndSet(now));
        }, stable -> stable);
        return complaints;
    }

    private static String last(JsonNode history) {
        return history.size() == 0 ? "" : history.get(history.size() - 1).path("kind").asText();
    }

    private Map<String, JsonNode> readModels(List<String> complaints) {
        Map<String, JsonNode> models = readModelsIfPresent(complaints);
        assertThat(models).isNotNull();
        return models;
    }

    private Map<String, JsonNode> readModelsIfPresent(List<String> complaints) {
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("complaint", "/api/complaints/" + complaints.get(0));
        reads.put("history", "/api/complaints/" + complaints.get(0) + "/history");
        reads.put("merged", "/api/complaints/" + complaints.get(1));
        reads.put("mergedHistory", "/api/complaints/" + complaints.get(1) + "/history");
        reads.put("queue", "/api/estates/sunrise/complaint-queue");
        reads.put("analysis", "/api/estates/sunrise/complaint-analysis");
        Map<String, JsonNode> models = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        reads.forEach((name, path) -> {
            var response = api.get("manager", path);
            if (response.status() != 200) {
                failed.add(name);
            } else {
                models.put(name, response.json());
            }
        });
        return failed.isEmpty() ? models : null;
    }
}

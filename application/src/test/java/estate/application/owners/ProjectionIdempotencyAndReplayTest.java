package estate.application.owners;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApplicationTest;
import estate.application.support.ReadModelRebuild;
import estate.projections.estates.EstateRegistryProjection;
import estate.projections.owners.AccountBalanceProjection;
import estate.projections.owners.CustomerFileProjection;
import estate.projections.owners.OwnerDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/** Projections apply each event once however often it arrives, and a reset rebuilds the same read model. */
class ProjectionIdempotencyAndReplayTest extends ApplicationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    OwnerDirectoryProjection directory;
    @Autowired
    AccountBalanceProjection balances;
    @Autowired
    CustomerFileProjection customerFile;
    @Autowired
    EstateRegistryProjection registry;

    @Test
    void deliveringEveryEventASecondTimeChangesNothing() throws Exception {
        String account = busyAccount();
        Map<String, JsonNode> before = readModels(account);

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(account, 0).asStream().toList();
        for (Object projection : List.of(directory, balances, customerFile, registry)) {
            AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
            for (DomainEventMessage<?> event : events) {
                if (adapter.canHandle(event)) {
                    adapter.handle(event);
                }
            }
        }

        assertThat(readModels(account)).isEqualTo(before);
        assertThat(before.get("ledger").get("lines")).hasSize(4);
    }

    @Test
    void resettingEachProcessorRebuildsTheSameReadModels() {
        String account = busyAccount();
        Map<String, JsonNode> before = readModels(account);

        ReadModelRebuild.rebuild(processing, List.of(OwnerDirectoryProjection.GROUP, AccountBalanceProjection.GROUP,
                CustomerFileProjection.GROUP, EstateRegistryProjection.GROUP));

        assertThat(eventually(() -> readModelsIfPresent(account), before::equals)).isEqualTo(before);
    }

    private String busyAccount() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Replay"), unitNumber(), "95.50");
        String account = given.account(SUNRISE, "OWNER", "Replay Owner", "13200000000", unit, null);
        given.charge(account, "267.40", "2026-11");
        given.payment(account, "200.00", "R-RP-1");
        given.charge(account, "267.40", "2026-12");
        api.ok("cs", "/api/accounts/" + account + "/interactions", "{\"channel\":\"VISIT\",\"summary\":\"Visited\"}");
        eventually(() -> readModelsIfPresent(account), models -> models != null
                && models.get("ledger").get("lines").size() == 4
                && models.get("file").get("timeline").size() == 2);
        return account;
    }

    private Map<String, JsonNode> readModels(String account) {
        Map<String, JsonNode> models = readModelsIfPresent(account);
        assertThat(models).isNotNull();
        return models;
    }

    private Map<String, JsonNode> readModelsIfPresent(String account) {
        var entry = api.get("cs", "/api/accounts/" + account);
        var balance = api.get("finance", "/api/accounts/" + account + "/balance");
        var ledger = api.get("finance", "/api/accounts/" + account + "/ledger");
        var file = api.get("cs", "/api/accounts/" + account + "/customer-file");
        var estate = api.get("manager", "/api/estates/sunrise");
        if (entry.status() != 200 || balance.status() != 200 || ledger.status() != 200 || file.status() != 200
                || estate.status() != 200) {
            return null;
        }
        return Map.of("entry", entry.json(), "balance", balance.json(), "ledger", ledger.json(), "file", file.json(),
                "estate", estate.json());
    }
}

package estate.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import estate.application.config.ReadModelProcessingConfig;
import estate.application.store.IndexedFileBackend;
import estate.application.store.MongoConfig;
import estate.application.support.ApiClient;
import estate.application.support.Scenario;
import estate.application.support.TestStores;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static estate.application.support.Scenario.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events and read models survive a restart and nothing is applied twice: with the embedded read store in memory
 * (rebuilt from the log at start), with the embedded read store on file (the default: it outlives the app, tokens
 * included) and with a read store that outlives the app as a real MongoDB does.
 */
class RestartTest {

    @Test
    void theEmbeddedReadStoreInMemoryIsRebuiltFromTheLogAtStart() {
        Path data = TestStores.newDataDir();
        Map<String, Object> properties = TestStores.properties(data);
        properties.put("estate.mongo.uri", "");
        properties.put("estate.mongo.embedded-store", "memory");

        String[] account = new String[1];
        Map<String, JsonNode> before = runApp(properties, api -> {
            account[0] = scenario(api);
            return readModels(api, account[0]);
        });
        Map<String, JsonNode> after = runApp(properties, api -> eventually(() -> readModelsIfPresent(api, account[0]),
                before::equals));

        assertThat(after).isEqualTo(before);
        assertThat(after.get("ledger").get("lines")).hasSize(4);
        assertThat(after.get("balance").get("balance").decimalValue()).isEqualByComparingTo("334.80");
    }

    @Test
    void theEmbeddedReadStoreOnFileKeepsReadModelsAndTokensAndGoesOnWithoutApplyingAnythingTwice() {
        Path data = TestStores.newDataDir();
        Map<String, Object> properties = TestStores.properties(data);
        properties.put("estate.mongo.uri", "");
        properties.put("estate.mongo.embedded-store", "file");
        String database = (String) properties.get("estate.mongo.database");

        String[] account = new String[1];
        Map<String, JsonNode> before = runApp(properties, api -> {
            account[0] = scenario(api);
            return readModels(api, account[0]);
        });

        // between the two lives, the file holds the read models and every read-model processor's token
        MongoServer stopped = new MongoServer(IndexedFileBackend.open(data.resolve(MongoConfig.READ_STORE_FILE), 4,
                1_000));
        try (MongoClient files = MongoClients.create("mongodb://127.0.0.1:" + stopped.bind().getPort())) {
            MongoDatabase store = files.getDatabase(database);
            assertThat(store.getCollection("ledger_entries").countDocuments(Filters.eq("accountId", account[0])))
                    .isEqualTo(4);
            List<String> tokens = store.getCollection("trackingtokens").find().map(t -> t.getString("processorName"))
                    .into(new ArrayList<>());
            assertThat(tokens).containsAll(ReadModelProcessingConfig.PROCESSORS.stream()
                    .map(ReadModelProcessingConfig.ReadModelProcessor::name).toList());
        } finally {
            stopped.shutdownNow();
        }

        secondLifeGoesOnWithoutApplyingAnythingTwice(properties, account[0], before);
    }

    @Test
    void aPersistentReadStoreContinuesWhereItStoppedWithoutApplyingAnythingTwice() {
        MongoServer external = new MongoServer(new MemoryBackend());
        InetSocketAddress address;
        external.bind("127.0.0.1", 0);
        address = external.getLocalAddress();
        try {
            Map<String, Object> properties = TestStores.properties(TestStores.newDataDir());
            properties.put("estate.mongo.uri", "mongodb://127.0.0.1:" + address.getPort());

            String[] account = new String[1];
            Map<String, JsonNode> before = runApp(properties, api -> {
                account[0] = scenario(api);
                return readModels(api, account[0]);
            });
            secondLifeGoesOnWithoutApplyingAnythingTwice(properties, account[0], before);
        } finally {
            external.shutdownNow();
        }
    }

    /**
     * A second life on the same stores: one more payment (two ledger lines) and the read models show exactly it on
     * top of what the first life left, nothing applied twice.
     */
    private static void secondLifeGoesOnWithoutApplyingAnythingTwice(Map<String, Object> properties, String account,
                                                                     Map<String, JsonNode> before) {
        Map<String, JsonNode> after = runApp(properties, api -> {
            new Scenario(api).payment(account, "0.80", "R-AFTER-RESTART");
            return eventually(() -> readModelsIfPresent(api, account),
                    models -> models != null && models.get("ledger").get("lines").size() == 6);
        });

        assertThat(after.get("ledger").get("lines")).hasSize(6);
        assertThat(after.get("balance").get("balance").decimalValue()).isEqualByComparingTo("334.00");
        assertThat(after.get("file").get("timeline")).isEqualTo(before.get("file").get("timeline"));
        assertThat(after.get("entry")).isEqualTo(before.get("entry"));
    }

    private static String scenario(ApiClient api) {
        Scenario given = new Scenario(api);
        given.ensureEstate("sunrise");
        String unit = given.unit("sunrise", given.building("sunrise", "Restart"), "R-101", "111.00");
        String account = given.account("sunrise", "OWNER", "Restart Owner", "13100000000", unit, "owner1");
        given.charge(account, "310.80", "2026-11");
        given.payment(account, "286.80", "R-RS-1");
        given.charge(account, "310.80", "2026-12");
        api.ok("cs", "/api/accounts/" + account + "/interactions", "{\"channel\":\"PHONE\",\"summary\":\"Call\"}");
        return account;
    }

    private static Map<String, JsonNode> readModels(ApiClient api, String account) {
        return eventually(() -> readModelsIfPresent(api, account), models -> models != null
                && models.get("ledger").get("lines").size() == 4 && models.get("file").get("timeline").size() == 2);
    }

    private static Map<String, JsonNode> readModelsIfPresent(ApiClient api, String account) {
        var entry = api.get("cs", "/api/accounts/" + account);
        var balance = api.get("finance", "/api/accounts/" + account + "/balance");
        var ledger = api.get("finance", "/api/accounts/" + account + "/ledger");
        var file = api.get("cs", "/api/accounts/" + account + "/customer-file");
        if (entry.status() != 200 || balance.status() != 200 || ledger.status() != 200 || file.status() != 200) {
            return null;
        }
        Map<String, JsonNode> models = new HashMap<>();
        models.put("entry", entry.json());
        models.put("balance", balance.json());
        models.put("ledger", ledger.json());
        models.put("file", file.json());
        return models;
    }

    private static <T> T runApp(Map<String, Object> properties, Function<ApiClient, T> work) {
        String[] arguments = properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EstateApplication.class)
                .run(arguments)) {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            return work.apply(new ApiClient(port));
        }
    }
}

package estate.application.owners;

import estate.application.support.ApiClient.Response;
import estate.application.support.ApplicationTest;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key on every POST, and who/correlation/key stored with every event. */
class IdempotencyAndMetadataTest extends ApplicationTest {

    @Autowired
    EventStore eventStore;

    private static final String CHARGE = """
            {"feeItem":"PARKING","period":"2026-12","amount":"150.00","currency":"CNY","dueDate":"2026-12-31"}""";

    @Test
    void aRetriedRequestReturnsTheFirstResultAndChangesNothing() {
        String account = newAccount();
        Response first = api.post("finance", "/api/accounts/" + account + "/charges", CHARGE, "retry-key-0001");
        Response retry = api.post("finance", "/api/accounts/" + account + "/charges", CHARGE, "retry-key-0001");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(charges(account)).hasSize(1);
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String account = newAccount();
        api.post("finance", "/api/accounts/" + account + "/charges", CHARGE, "reused-key-0001");
        Response other = api.post("finance", "/api/accounts/" + account + "/charges",
                CHARGE.replace("150.00", "151.00"), "reused-key-0001");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("code").asText()).isEqualTo("idempotency-key-reused");
        assertThat(charges(account)).hasSize(1);
    }

    @Test
    void aPostWithoutAKeyIsRefusedBeforeAnythingHappens() {
        String account = newAccount();
        Response missing = api.post("finance", "/api/accounts/" + account + "/charges", CHARGE, null);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(missing.json().get("code").asText()).isEqualTo("idempotency-key-required");
        assertThat(charges(account)).isEmpty();
    }

    @Test
    void concurrentRequestsWithOneKeyStoreOneCharge() throws Exception {
        String account = newAccount();
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("finance:estate-demo".getBytes());
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 6).mapToObj(i -> http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/accounts/" + account + "/charges"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "race-key-0001")
                        .POST(HttpRequest.BodyPublishers.ofString(CHARGE)).build(),
                HttpResponse.BodyHandlers.ofString())).toList();
        List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

        assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(responses).extracting(HttpResponse::body).containsOnly(responses.get(0).body());
        assertThat(charges(account)).hasSize(1);
    }

    @Test
    void concurrentCommandsOnOneAccountAreSerialisedNotRejected() {
        String account = newAccount();
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("finance:estate-demo".getBytes());
        List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 8).mapToObj(i -> http.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/accounts/" + account + "/charges"))
                        .header("Authorization", auth).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "parallel-key-" + i)
                        .POST(HttpRequest.BodyPublishers.ofString(CHARGE)).build(),
                HttpResponse.BodyHandlers.ofString())).toList();

        assertThat(calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(201);
        assertThat(charges(account)).hasSize(8);
    }

    @Test
    void everyEventRecordsWhoInWhichRoleTheCorrelationIdAndTheKey() {
        String account = newAccount();
        Response response = api.post("finance", "/api/accounts/" + account + "/charges", CHARGE, "meta-key-0001");

        DomainEventMessage<?> charged = eventStore.readEvents(account, 0).asStream()
                .filter(e -> e.getPayload() instanceof FeeCharged).findFirst().orElseThrow();
        assertThat(charged.getMetaData()).containsEntry("userId", "finance")
                .containsEntry("role", "FINANCE")
                .containsEntry("idempotencyKey", "meta-key-0001")
                .containsEntry("correlationId", response.header("X-Correlation-Id"))
                .containsKey("causationId");
        DomainEventMessage<?> opened = eventStore.readEvents(account, 0).asStream().findFirst().orElseThrow();
        assertThat(opened.getMetaData()).containsEntry("userId", "cs").containsEntry("role", "CUSTOMER_SERVICE");
    }

    @Test
    void aCallersCorrelationIdIsKeptAndEchoed() {
        String account = newAccount();
        Response response = api.send("finance", "/api/accounts/" + account + "/charges", CHARGE,
                "corr-key-0001", "ticket-4711");

        assertThat(response.header("X-Correlation-Id")).isEqualTo("ticket-4711");
        assertThat(eventStore.readEvents(account, 0).asStream().filter(e -> e.getPayload() instanceof FeeCharged)
                .findFirst().orElseThrow().getMetaData()).containsEntry("correlationId", "ticket-4711");
    }

    private String newAccount() {
        String unit = given.unit(SUNRISE, given.building(SUNRISE, "Idem"), unitNumber(), "50");
        return given.account(SUNRISE, "OWNER", "Key Holder", "13400000000", unit, null);
    }

    private List<FeeCharged> charges(String account) {
        return eventStore.readEvents(account, 0).asStream().map(DomainEventMessage::getPayload)
                .filter(FeeCharged.class::isInstance).map(FeeCharged.class::cast).toList();
    }
}

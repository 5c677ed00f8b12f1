package estate.application;

import estate.application.support.ApplicationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health (with the ping-based Mongo check), OpenAPI, and Prometheus metrics. */
class HealthAndDocsTest extends ApplicationTest {

    @Test
    void healthIsUpIncludingTheReadStore() {
        var health = api.get("manager", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().get("components").get("mongo").get("status").asText()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(api.get(null, "/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheApi() {
        var docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/accounts/{accountId}/payments")).isTrue();
        assertThat(docs.json().get("paths").has("/api/estates")).isTrue();
        assertThat(api.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsNeedALogin() {
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        var metrics = api.get("manager", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }
}

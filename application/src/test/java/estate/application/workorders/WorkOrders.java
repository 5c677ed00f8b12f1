package estate.application.workorders;

import com.fasterxml.jackson.databind.JsonNode;
import estate.application.support.ApiClient;

import static estate.application.support.Scenario.eventually;

/** Reading work orders back over HTTP in tests: read models follow commands within milliseconds. */
final class WorkOrders {

    private final ApiClient api;

    WorkOrders(ApiClient api) {
        this.api = api;
    }

    /** The order as {@code user} sees it, once it has reached {@code status}. */
    JsonNode await(String user, String workOrderId, String status) {
        return eventually(() -> api.get(user, "/api/work-orders/" + workOrderId),
                response -> response.status() == 200 && status.equals(response.json().path("status").asText()))
                .json();
    }
}

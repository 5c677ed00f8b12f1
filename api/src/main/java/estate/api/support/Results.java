package estate.api.support;

import estate.api.errors.ApiException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;

/** Small helpers for answering GETs from the query gateway. */
public final class Results {

    private Results() {
    }

    public static <R> R one(QueryGateway queries, Object query, Class<R> type, String notFoundCode) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join()
                .orElseThrow(() -> ApiException.notFound(notFoundCode, "Not found (yet): read models follow "
                        + "commands within milliseconds"));
    }

    public static <R> List<R> many(QueryGateway queries, Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }
}

package estate.application.workorders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import estate.application.config.EstateJson;
import estate.domain.workorders.ServiceTerms;
import org.springframework.stereotype.Component;

/** Service terms as the JSON the lookup table keeps: the same form as in the events. */
@Component
public class TermsJson {

    private final ObjectMapper json = EstateJson.messageMapper();

    String write(ServiceTerms terms) {
        try {
            return json.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ServiceTerms read(String value) {
        try {
            return json.readValue(value, ServiceTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable service terms in workorder_service_terms", e);
        }
    }
}

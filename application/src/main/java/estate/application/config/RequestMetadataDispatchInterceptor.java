package estate.application.config;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Puts who sent a command (user id and role), the request's correlation id and its idempotency key into the
 * command's metadata; Axon's correlation data providers copy them into every event the command causes.
 * Commands sent outside a request (schedulers) are signed {@value #SYSTEM}.
 */
public final class RequestMetadataDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String SYSTEM = "system";
    /** Request attributes set by the web filters. */
    public static final String CORRELATION_ATTRIBUTE = "estate.correlationId";
    public static final String IDEMPOTENCY_ATTRIBUTE = "estate.idempotencyKey";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(metadataOfCurrentRequest(command.getMetaData()));
    }

    private static Map<String, Object> metadataOfCurrentRequest(MetaData existing) {
        Map<String, Object> metadata = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!existing.containsKey(AxonConfig.USER_ID)) {
            if (authentication != null && authentication.isAuthenticated()) {
                metadata.put(AxonConfig.USER_ID, authentication.getName());
                metadata.put(AxonConfig.ROLE, authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(a -> a.startsWith("ROLE_"))
                        .map(a -> a.substring(5))
                        .sorted()
                        .collect(Collectors.joining(",")));
            } else {
                metadata.put(AxonConfig.USER_ID, SYSTEM);
                metadata.put(AxonConfig.ROLE, SYSTEM);
            }
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Object correlation = request.getAttribute(CORRELATION_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (correlation != null && !existing.containsKey(AxonConfig.CORRELATION_ID)) {
                metadata.put(AxonConfig.CORRELATION_ID, correlation);
            }
            Object key = request.getAttribute(IDEMPOTENCY_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (key != null && !existing.containsKey(AxonConfig.IDEMPOTENCY_KEY)) {
                metadata.put(AxonConfig.IDEMPOTENCY_KEY, key);
            }
        }
        return metadata;
    }
}

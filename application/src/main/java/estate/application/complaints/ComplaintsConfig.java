package estate.application.complaints;

import estate.domain.complaints.CarePolicy;
import estate.domain.complaints.Complaint;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The complaint context's wiring: its aggregates; its command-side lookup processor (subscribing, so it runs in the
 * command's transaction, and its failure fails the command); its process manager, whose token lives in the event
 * store's database like the work orders' (ADR 4).
 */
@Configuration(proxyBeanMethods = false)
public class ComplaintsConfig {

    @Bean
    ConfigurerModule complaintAggregates(DataSource dataSource, Serializer serializer) {
        TokenStore processTokens = JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .serializer(serializer)
                .contentType(String.class)
                .schema(TokenSchema.builder().setTokenTable("complaint_process_token").build())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Complaint.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(CarePolicy.class));
            configurer.eventProcessing()
                    .registerSubscribingEventProcessor(ComplaintLookupProjection.GROUP)
                    .registerListenerInvocationErrorHandler(ComplaintLookupProjection.GROUP,
                            c -> PropagatingErrorHandler.instance())
                    .registerListenerInvocationErrorHandler(ComplaintWorkOrderProcess.GROUP,
                            c -> PropagatingErrorHandler.instance())
                    .registerTokenStore(ComplaintWorkOrderProcess.GROUP, c -> processTokens);
        };
    }
}

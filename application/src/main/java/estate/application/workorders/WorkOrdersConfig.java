package estate.application.workorders;

import estate.domain.workorders.InspectionPlan;
import estate.domain.workorders.MaintenancePolicy;
import estate.domain.workorders.WorkOrder;
import org.axonframework.common.jdbc.ConnectionProvider;
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
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;

/**
 * The work-order context's wiring: its aggregates; its command-side lookup processor, whose failure fails the
 * command; its two process managers, whose tokens live in the event store's database (not beside the read models)
 * so that a step's commands and its token commit in one transaction, a restart does not replay them, and all
 * instances compete for one claim; and the schedules of the SLA sweeper and the inspection scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class WorkOrdersConfig {

    /** Processing groups whose handlers send commands: a failure is retried, never skipped. */
    static final List<String> PROCESS_MANAGERS = List.of(RepairChargeProcess.GROUP, InspectionRoundProcess.GROUP);

    @Bean
    ConfigurerModule workOrderAggregates(DataSource dataSource, Serializer serializer) {
        TokenStore processTokens = processTokenStore(dataSource, serializer);
        return configurer -> {
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(WorkOrder.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(MaintenancePolicy.class));
            configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(InspectionPlan.class));
            configurer.eventProcessing().registerListenerInvocationErrorHandler(WorkOrderLookupProjection.GROUP,
                    c -> PropagatingErrorHandler.instance());
            for (String group : PROCESS_MANAGERS) {
                configurer.eventProcessing()
                        .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance())
                        .registerTokenStore(group, c -> processTokens);
            }
        };
    }

    /**
     * Each application context claims under its own node id, so that two instances in one JVM (as in the tests) are
     * two claimants, as two processes are.
     */
    static TokenStore processTokenStore(DataSource dataSource, Serializer serializer) {
        ConnectionProvider connections = new SpringDataSourceConnectionProvider(dataSource);
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .contentType(String.class)
                .schema(TokenSchema.builder().setTokenTable("workorder_process_token").build())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .build();
    }
}

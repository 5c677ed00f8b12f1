package estate.application.config;

import estate.application.complaints.surveys.SatisfactionKpiProjection;
import estate.application.operations.BenchmarkNoopProjection;
import estate.projections.billing.BillRunProjection;
import estate.projections.billing.EstateFinanceProjection;
import estate.projections.billing.StatementProjection;
import estate.projections.complaints.ComplaintAnalysisProjection;
import estate.projections.complaints.ComplaintHistoryProjection;
import estate.projections.complaints.ComplaintQueueProjection;
import estate.projections.complaints.surveys.SurveyResultsProjection;
import estate.projections.estates.EstateRegistryProjection;
import estate.projections.owners.AccountBalanceProjection;
import estate.projections.owners.CustomerFileProjection;
import estate.projections.owners.OwnerDirectoryProjection;
import estate.projections.support.WriteBuffer;
import estate.projections.workorders.EscalationProjection;
import estate.projections.workorders.InspectionPlanProjection;
import estate.projections.workorders.MaintenanceCostProjection;
import estate.projections.workorders.RecurringProblemsProjection;
import estate.projections.workorders.SlaReportProjection;
import estate.projections.workorders.WorkOrderHistoryProjection;
import estate.projections.workorders.WorkQueueProjection;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The processors of the MongoDB read models (tokens in MongoDB, rebuilt at every start on the embedded default):
 * their handlers buffer writes per processing batch ({@link WriteBuffer}), flushed after the batch's last event,
 * so a batch of N events costs one bulk write per collection and one token update instead of N of each. Batch
 * sizes are in {@code application.yml} ({@code axon.eventhandling.processors.<name>.batch-size}).
 * <p>
 * No transaction manager: these handlers write MongoDB only, and the JDBC transaction Spring's transaction
 * manager opened per batch bought nothing but a connection and a commit. Without one the processor also stores
 * its token after the batch's writes (on prepare-commit) instead of before them; with the token in MongoDB,
 * outside any shared transaction, storing it first meant a crash mid-batch skipped the rest of the batch for a
 * persistent read store. Now a crash redelivers the batch, which the idempotent writes absorb.
 */
@Configuration(proxyBeanMethods = false)
public class ReadModelProcessingConfig {

    /** Every processing group whose handlers write only MongoDB read models. */
    public static final List<String> READ_MODEL_GROUPS = List.of(
            EstateRegistryProjection.GROUP, OwnerDirectoryProjection.GROUP, AccountBalanceProjection.GROUP,
            CustomerFileProjection.GROUP, StatementProjection.GROUP, BillRunProjection.GROUP,
            EstateFinanceProjection.GROUP, WorkQueueProjection.GROUP, WorkOrderHistoryProjection.GROUP,
            RecurringProblemsProjection.GROUP, MaintenanceCostProjection.GROUP, SlaReportProjection.GROUP,
            EscalationProjection.GROUP, InspectionPlanProjection.GROUP, ComplaintQueueProjection.GROUP,
            ComplaintHistoryProjection.GROUP, ComplaintAnalysisProjection.GROUP, SurveyResultsProjection.GROUP,
            SatisfactionKpiProjection.GROUP);

    @Bean
    ConfigurerModule readModelBatches() {
        return configurer -> {
            for (String group : READ_MODEL_GROUPS) {
                configurer.eventProcessing()
                        .registerHandlerInterceptor(group, c -> WriteBuffer.flushAtEndOfBatch())
                        .registerTransactionManager(group, c -> NoTransactionManager.INSTANCE);
            }
            // the replay ceiling of the benchmark runs on the same processor settings, without writes to flush
            configurer.eventProcessing().registerTransactionManager(BenchmarkNoopProjection.GROUP,
                    c -> NoTransactionManager.INSTANCE);
        };
    }
}

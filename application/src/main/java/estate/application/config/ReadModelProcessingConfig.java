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
 * The processors of the MongoDB read models (tokens in MongoDB, rebuilt at every start on the embedded default).
 * <p>
 * <b>Four processors for nineteen read models.</b> Every streaming processor reads the whole log on its own
 * stream, parsing each row (timestamp, metadata) and deserializing the payloads its handlers take; with a processor
 * per read model that work was done nineteen times per event, which was most of the cost of a replay and of the
 * read side under load (docs/performance.md). The processing groups (one per projection class, its
 * {@code @ProcessingGroup}) are therefore assigned to four processors ({@link #PROCESSORS}):
 * <ul>
 *     <li>{@value #FINANCE_HISTORY}: the finance history alone (the auditors' record, rebuilt on its own when they
 *     ask for a replay);</li>
 *     <li>{@value #BILL_RUNS}: the status and progress of bill runs, alone, so that finance sees a run complete
 *     when it completes, not after the statements have absorbed its charges;</li>
 *     <li>{@value #OWNERS_AND_BILLING}: estates, owners, customer files, statements and the estate's finance
 *     figures;</li>
 *     <li>{@value #SERVICE_DESK}: work orders, complaints, surveys and their reports.</li>
 * </ul>
 * A processor delivers each event to every handler of its groups that takes it, in one unit of work per batch;
 * a reset of a processor rebuilds all its read models ({@code @ResetHandler}s of every group). The processors
 * run on threads of their own, so a rebuild at start uses every core.
 * <p>
 * Their handlers buffer writes per processing batch ({@link WriteBuffer}), flushed after the batch's last event,
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

    /** The finance history with running balances ({@link AccountBalanceProjection}) on its own. */
    public static final String FINANCE_HISTORY = AccountBalanceProjection.GROUP;
    public static final String BILL_RUNS = BillRunProjection.GROUP;
    public static final String OWNERS_AND_BILLING = "owners-and-billing";
    public static final String SERVICE_DESK = "service-desk";

    /** A read-model processor and the processing groups it runs. */
    public record ReadModelProcessor(String name, List<String> groups) {
    }

    public static final List<ReadModelProcessor> PROCESSORS = List.of(
            new ReadModelProcessor(FINANCE_HISTORY, List.of(AccountBalanceProjection.GROUP)),
            new ReadModelProcessor(BILL_RUNS, List.of(BillRunProjection.GROUP)),
            new ReadModelProcessor(OWNERS_AND_BILLING, List.of(EstateRegistryProjection.GROUP,
                    OwnerDirectoryProjection.GROUP, CustomerFileProjection.GROUP, StatementProjection.GROUP,
                    EstateFinanceProjection.GROUP)),
            new ReadModelProcessor(SERVICE_DESK, List.of(WorkQueueProjection.GROUP, WorkOrderHistoryProjection.GROUP,
                    RecurringProblemsProjection.GROUP, MaintenanceCostProjection.GROUP, SlaReportProjection.GROUP,
                    EscalationProjection.GROUP, InspectionPlanProjection.GROUP, ComplaintQueueProjection.GROUP,
                    ComplaintHistoryProjection.GROUP, ComplaintAnalysisProjection.GROUP,
                    SurveyResultsProjection.GROUP, SatisfactionKpiProjection.GROUP)));

    /** Every processing group whose handlers write only MongoDB read models. */
    public static final List<String> READ_MODEL_GROUPS =
            PROCESSORS.stream().flatMap(p -> p.groups().stream()).toList();

    /** The processor that runs the read model of {@code processingGroup}. */
    public static String processorOf(String processingGroup) {
        return PROCESSORS.stream().filter(p -> p.groups().contains(processingGroup))
                .map(ReadModelProcessor::name).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a read model: " + processingGroup));
    }

    @Bean
    ConfigurerModule readModelBatches() {
        return configurer -> {
            for (ReadModelProcessor processor : PROCESSORS) {
                processor.groups().forEach(group ->
                        configurer.eventProcessing().assignProcessingGroup(group, processor.name()));
                configurer.eventProcessing()
                        .registerHandlerInterceptor(processor.name(), c -> WriteBuffer.flushAtEndOfBatch())
                        .registerTransactionManager(processor.name(), c -> NoTransactionManager.INSTANCE);
            }
            // the replay ceiling of the benchmark runs on the same processor settings, without writes to flush
            configurer.eventProcessing().registerTransactionManager(BenchmarkNoopProjection.GROUP,
                    c -> NoTransactionManager.INSTANCE);
        };
    }
}

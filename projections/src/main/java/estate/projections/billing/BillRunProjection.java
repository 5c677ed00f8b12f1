package estate.projections.billing;

import estate.domain.billing.BillRunEvent.BillRunCompleted;
import estate.domain.billing.BillRunEvent.BillRunProgressed;
import estate.domain.billing.BillRunEvent.BillRunStarted;
import estate.domain.billing.BillingQueries.GetBillRun;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Bill runs: started, progressing, completed with their summary. */
@Component
@ProcessingGroup(BillRunProjection.GROUP)
public class BillRunProjection {

    public static final String GROUP = "bill-runs";

    private final MongoTemplate mongo;

    public BillRunProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(BillRunStarted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        WriteBuffer.of(mongo).insertOnce(event.billRunId().value(),
                new BillRunView(event.billRunId().value(), event.estateId().value(),
                event.period().toString(), event.startedBy(), at, "RUNNING", 0, 0, 0, 0, 0, BigDecimal.ZERO, null,
                null, sequence));
    }

    @EventHandler
    void on(BillRunProgressed event, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).update(BillRunView.class, event.billRunId().value(), sequence, new Update()
                .set("accountsDone", event.accountsDone())
                .set("accountsTotal", event.accountsTotal())
                .set("linesCharged", event.linesCharged())
                .set("linesAlreadyCharged", event.linesAlreadyCharged())
                .set("amountCharged", event.amountCharged().amount())
                .set("currency", event.amountCharged().currency().getCurrencyCode()));
    }

    @EventHandler
    void on(BillRunCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        WriteBuffer.of(mongo).update(BillRunView.class, event.billRunId().value(), sequence, new Update()
                .set("status", "COMPLETED")
                .set("accountsDone", event.accountsTotal())
                .set("accountsTotal", event.accountsTotal())
                .set("accountsSkipped", event.accountsSkipped())
                .set("linesCharged", event.linesCharged())
                .set("linesAlreadyCharged", event.linesAlreadyCharged())
                .set("amountCharged", event.amountCharged().amount())
                .set("currency", event.amountCharged().currency().getCurrencyCode())
                .set("completedAt", at));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(BillRunView.class);
    }

    @QueryHandler
    Optional<BillRunView> handle(GetBillRun query) {
        return Optional.ofNullable(mongo.findById(query.billRunId().value(), BillRunView.class));
    }
}

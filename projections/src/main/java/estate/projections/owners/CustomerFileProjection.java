package estate.projections.owners;

import estate.domain.owners.OwnerAccountEvent;
import estate.domain.owners.OwnerAccountEvent.AccountClosed;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.ConcernNoted;
import estate.domain.owners.OwnerAccountEvent.ConcernResolved;
import estate.domain.owners.OwnerAccountEvent.ContactDetailsChanged;
import estate.domain.owners.OwnerAccountEvent.InteractionRecorded;
import estate.domain.owners.OwnerAccountEvent.MovedIn;
import estate.domain.owners.OwnerAccountEvent.PortalUserLinked;
import estate.domain.owners.OwnerAccountEvent.UnitAcquired;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredIn;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredOut;
import estate.domain.owners.OwnerAccountQueries.GetCustomerFile;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The customer-file timeline. Ledger events are left to the finance history; everything else about the
 * relationship with the holder is here, with who recorded it (from the event's metadata).
 */
@Component
@ProcessingGroup(CustomerFileProjection.GROUP)
public class CustomerFileProjection {

    public static final String GROUP = "customer-file";

    private final MongoTemplate mongo;

    public CustomerFileProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(AccountOpened e, EventMessage<?> message) {
        write(e, message, Line.of("ACCOUNT_OPENED", message,
                e.holderType() + " account opened for " + e.contact().name() + ", units " + e.units()));
    }

    @EventHandler
    void on(ContactDetailsChanged e, EventMessage<?> message) {
        write(e, message, Line.of("CONTACT_CHANGED", message,
                "Contact details changed: " + e.contact().name() + ", " + e.contact().phone()));
    }

    @EventHandler
    void on(PortalUserLinked e, EventMessage<?> message) {
        write(e, message, Line.of("PORTAL_USER_LINKED", message, "Owner app login linked: " + e.portalUser()));
    }

    @EventHandler
    void on(MovedIn e, EventMessage<?> message) {
        write(e, message, Line.of("MOVED_IN", message, "Moved in on " + e.moveInDate()));
    }

    @EventHandler
    void on(UnitAcquired e, EventMessage<?> message) {
        write(e, message, Line.of("UNIT_ACQUIRED", message, "Unit " + e.unitId() + " added from " + e.since()));
    }

    @EventHandler
    void on(UnitTransferredOut e, EventMessage<?> message) {
        write(e, message, Line.of("UNIT_TRANSFERRED_OUT", message, "Unit " + e.unitId()
                + " transferred to account " + e.toAccountId() + " on " + e.transferDate() + ": " + e.reason()));
    }

    @EventHandler
    void on(UnitTransferredIn e, EventMessage<?> message) {
        write(e, message, Line.of("UNIT_TRANSFERRED_IN", message, "Unit " + e.unitId()
                + " received from account " + e.fromAccountId() + " on " + e.transferDate()));
    }

    @EventHandler
    void on(AccountClosed e, EventMessage<?> message) {
        write(e, message, Line.of("ACCOUNT_CLOSED", message, "Moved out on " + e.moveOutDate() + ": " + e.reason()));
    }

    @EventHandler
    void on(InteractionRecorded e, EventMessage<?> message) {
        write(e, message, new Line("INTERACTION", e.occurredAt(), e.channel().name(), e.summary(),
                List.copyOf(new TreeSet<>(e.concernTags())), e.staffMember(), null));
    }

    @EventHandler
    void on(ConcernNoted e, EventMessage<?> message) {
        write(e, message, new Line("CONCERN_NOTED", e.notedAt(), null, e.topic() + ": " + e.detail(), List.of(),
                null, e.concernId().value()));
    }

    @EventHandler
    void on(ConcernResolved e, EventMessage<?> message) {
        write(e, message, new Line("CONCERN_RESOLVED", e.resolvedAt(), null, e.resolution(), List.of(), null,
                e.concernId().value()));
    }

    private void write(OwnerAccountEvent event, EventMessage<?> message, Line line) {
        long sequence = ((DomainEventMessage<?>) message).getSequenceNumber();
        String account = event.accountId().value();
        WriteBuffer.of(mongo).insertOnce(account + ":" + sequence, new CustomerFileEntry(account + ":" + sequence, account, event.estateId().value(),
                sequence, line.kind(), line.occurredAt(), line.channel(), line.summary(), line.tags(),
                line.staffMember(), line.concernId(), (String) message.getMetaData().get("userId"),
                (String) message.getMetaData().get("role")));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(CustomerFileEntry.class);
    }

    @QueryHandler
    Optional<CustomerFile> handle(GetCustomerFile query) {
        List<CustomerFileEntry> timeline = mongo.find(Query.query(where("accountId").is(query.accountId().value()))
                .with(Sort.by("sequence")), CustomerFileEntry.class);
        if (timeline.isEmpty()) {
            return Optional.empty();
        }
        Set<String> open = new LinkedHashSet<>();
        for (CustomerFileEntry entry : timeline) {
            if ("CONCERN_NOTED".equals(entry.kind())) {
                open.add(entry.concernId());
            } else if ("CONCERN_RESOLVED".equals(entry.kind())) {
                open.remove(entry.concernId());
            }
        }
        return Optional.of(new CustomerFile(query.accountId().value(), timeline, List.copyOf(open)));
    }

    private record Line(String kind, Instant occurredAt, String channel, String summary, List<String> tags,
                        String staffMember, String concernId) {
        static Line of(String kind, EventMessage<?> message, String summary) {
            return new Line(kind, message.getTimestamp(), null, summary, List.of(), null, null);
        }
    }
}

package estate.projections.owners;

import estate.domain.estates.EstateEvent.UnitRegistered;
import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountEvent.AccountClosed;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.ContactDetailsChanged;
import estate.domain.owners.OwnerAccountEvent.MovedIn;
import estate.domain.owners.OwnerAccountEvent.PortalUserLinked;
import estate.domain.owners.OwnerAccountEvent.UnitAcquired;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredIn;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredOut;
import estate.domain.owners.OwnerAccountQueries.FindAccountsOfPortalUser;
import estate.domain.owners.OwnerAccountQueries.FindOwners;
import estate.domain.owners.OwnerAccountQueries.GetAccount;
import estate.projections.owners.OwnerDirectoryEntry.UnitRef;
import estate.projections.support.WriteBuffer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The owner directory: find an owner or tenant by estate, building, unit number, name or phone. */
@Component
@ProcessingGroup(OwnerDirectoryProjection.GROUP)
public class OwnerDirectoryProjection {

    public static final String GROUP = "owner-directory";
    private static final String ACTIVE = "ACTIVE";
    private static final String CLOSED = "CLOSED";

    private final MongoTemplate mongo;

    public OwnerDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(UnitRegistered event) {
        WriteBuffer.of(mongo).insertOnce(event.unitId().value(),
                new DirectoryUnit(event.unitId().value(), event.buildingId().value(),
                event.number()));
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        List<UnitRef> units = event.units().stream().map(this::unitRef).toList();
        WriteBuffer.of(mongo).insertOnce(event.accountId().value(),
                new OwnerDirectoryEntry(event.accountId().value(), event.estateId().value(),
                event.holderType().name(), event.contact().name(), event.contact().phone(), event.contact().email(),
                units, event.moveInDate(), null, ACTIVE, event.portalUser(), sequence));
    }

    @EventHandler
    void on(ContactDetailsChanged event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, new Update()
                .set("name", event.contact().name())
                .set("phone", event.contact().phone())
                .set("email", event.contact().email()));
    }

    @EventHandler
    void on(PortalUserLinked event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, new Update().set("portalUser", event.portalUser()));
    }

    @EventHandler
    void on(MovedIn event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, new Update().set("moveInDate", event.moveInDate()));
    }

    @EventHandler
    void on(UnitAcquired event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, new Update().push("units", unitRef(event.unitId())));
    }

    @EventHandler
    void on(UnitTransferredIn event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, new Update().push("units", unitRef(event.unitId())));
    }

    @EventHandler
    void on(UnitTransferredOut event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, new Update().pull("units",
                Query.query(where("unitId").is(event.unitId().value()))));
    }

    @EventHandler
    void on(AccountClosed event, @SequenceNumber long sequence) {
        update(event.accountId().value(), sequence, new Update()
                .set("status", CLOSED)
                .set("moveOutDate", event.moveOutDate()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(OwnerDirectoryEntry.class);
        mongo.dropCollection(DirectoryUnit.class);
    }

    @QueryHandler
    List<OwnerDirectoryEntry> handle(FindOwners query) {
        Criteria criteria = where("estateId").is(query.estateId().value());
        if (query.buildingId() != null && query.unitNumber() != null) {
            criteria = criteria.and("units").elemMatch(where("buildingId").is(query.buildingId().value())
                    .and("number").is(query.unitNumber()));
        } else if (query.buildingId() != null) {
            criteria = criteria.and("units.buildingId").is(query.buildingId().value());
        } else if (query.unitNumber() != null) {
            criteria = criteria.and("units.number").is(query.unitNumber());
        }
        if (query.name() != null) {
            criteria = criteria.and("name").regex(Pattern.quote(query.name()), "i");
        }
        if (query.phone() != null) {
            criteria = criteria.and("phone").regex(Pattern.quote(query.phone()));
        }
        Query q = Query.query(criteria).with(Sort.by("name", "_id"))
                .skip((long) query.page() * query.size()).limit(query.size());
        return mongo.find(q, OwnerDirectoryEntry.class);
    }

    @QueryHandler
    Optional<OwnerDirectoryEntry> handle(GetAccount query) {
        return Optional.ofNullable(mongo.findById(query.accountId().value(), OwnerDirectoryEntry.class));
    }

    @QueryHandler
    List<OwnerDirectoryEntry> handle(FindAccountsOfPortalUser query) {
        return mongo.find(Query.query(where("portalUser").is(query.portalUser())).with(Sort.by("_id")),
                OwnerDirectoryEntry.class);
    }

    private void update(String accountId, long sequence, Update update) {
        WriteBuffer.of(mongo).update(OwnerDirectoryEntry.class, accountId, sequence, update);
    }

    private UnitRef unitRef(UnitId unitId) {
        DirectoryUnit unit = WriteBuffer.of(mongo).find(unitId.value(), DirectoryUnit.class);
        return unit == null
                ? new UnitRef(unitId.value(), null, null)
                : new UnitRef(unit.unitId(), unit.buildingId(), unit.number());
    }
}

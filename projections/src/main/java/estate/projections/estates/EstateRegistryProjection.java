package estate.projections.estates;

import estate.domain.estates.EstateEvent.BuildingAdded;
import estate.domain.estates.EstateEvent.EstateRegistered;
import estate.domain.estates.EstateEvent.UnitAreaCorrected;
import estate.domain.estates.EstateEvent.UnitRegistered;
import estate.domain.estates.EstateQueries.FindEstates;
import estate.domain.estates.EstateQueries.FindUnits;
import estate.domain.estates.EstateQueries.GetEstate;
import estate.projections.estates.EstateView.BuildingView;
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

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The estate registry read model: estates with their buildings, and units. */
@Component
@ProcessingGroup(EstateRegistryProjection.GROUP)
public class EstateRegistryProjection {

    public static final String GROUP = "estate-registry";

    private final MongoTemplate mongo;

    public EstateRegistryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(EstateRegistered event, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).insertOnce(event.estateId().value(),
                new EstateView(event.estateId().value(), event.name(), event.address(),
                event.zoneId().getId(), event.currency().getCurrencyCode(), List.of(), 0, sequence));
    }

    @EventHandler
    void on(BuildingAdded event, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).update(EstateView.class, event.estateId().value(), sequence,
                new Update().push("buildings",
                new BuildingView(event.buildingId().value(), event.name(), event.floors())));
    }

    @EventHandler
    void on(UnitRegistered event, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).insertOnce(event.unitId().value(),
                new UnitView(event.unitId().value(), event.estateId().value(),
                event.buildingId().value(), event.number(), event.floor(), event.floorArea(), event.use().name(),
                sequence));
        WriteBuffer.of(mongo).update(EstateView.class, event.estateId().value(), sequence,
                new Update().inc("unitCount", 1));
    }

    @EventHandler
    void on(UnitAreaCorrected event, @SequenceNumber long sequence) {
        WriteBuffer.of(mongo).update(UnitView.class, event.unitId().value(), sequence,
                new Update().set("floorArea", event.floorArea()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(EstateView.class);
        mongo.dropCollection(UnitView.class);
    }

    @QueryHandler
    List<EstateView> handle(FindEstates query) {
        Query q = query.estateIds() == null ? new Query() : Query.query(where("_id").in(query.estateIds()));
        return mongo.find(q.with(Sort.by("_id")), EstateView.class);
    }

    @QueryHandler
    Optional<EstateView> handle(GetEstate query) {
        return Optional.ofNullable(mongo.findById(query.estateId().value(), EstateView.class));
    }

    @QueryHandler
    List<UnitView> handle(FindUnits query) {
        Criteria criteria = where("estateId").is(query.estateId().value());
        if (query.buildingId() != null) {
            criteria = criteria.and("buildingId").is(query.buildingId().value());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("number")), UnitView.class);
    }
}

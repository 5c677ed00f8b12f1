package estate.application.workorders;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.workorders.MaintenanceLookup;
import estate.domain.workorders.ServiceTerms;
import estate.domain.workorders.WorkOrderQueries.FindWorkOrderAccess;
import estate.domain.workorders.WorkOrderQueries.GetServiceTerms;
import estate.domain.workorders.WorkOrderQueries.WorkOrderAccess;
import org.axonframework.queryhandling.QueryHandler;
import estate.application.lookup.JdbcUnitRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The {@link MaintenanceLookup} port over the command-side lookup tables (the estate registry's, read only, and the
 * work orders' own), and the queries the API authorises with: who may act on a work order, an estate's terms.
 */
@Component
public class JdbcMaintenanceLookup implements MaintenanceLookup {

    private final JdbcTemplate jdbc;
    private final TermsJson termsJson;
    private final JdbcUnitRegistry registry;

    public JdbcMaintenanceLookup(JdbcTemplate jdbc, TermsJson termsJson, JdbcUnitRegistry registry) {
        this.jdbc = jdbc;
        this.termsJson = termsJson;
        this.registry = registry;
    }

    @Override
    public Optional<EstateTerms> estate(EstateId estateId) {
        return registry.estate(estateId).map(t -> new EstateTerms(estateId, t.currency(), t.zoneId()));
    }

    @Override
    public Optional<EstateId> estateOfUnit(UnitId unitId) {
        return registry.estateOfUnit(unitId);
    }

    @Override
    public Optional<ServiceTerms> serviceTerms(EstateId estateId) {
        return jdbc.query("SELECT terms FROM workorder_service_terms WHERE estate_id = ?",
                (rs, i) -> termsJson.read(rs.getString(1)), estateId.value()).stream().findFirst();
    }

    @QueryHandler
    public Optional<WorkOrderAccess> handle(FindWorkOrderAccess query) {
        return jdbc.query("SELECT estate_id, reported_by, assignee_staff, assigned FROM workorder_lookup "
                        + "WHERE work_order_id = ?",
                (rs, i) -> new WorkOrderAccess(query.workOrderId(), new EstateId(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4)), query.workOrderId().value()).stream().findFirst();
    }

    /** The terms work orders of the estate are triaged under now: its own, or the defaults; empty: no such estate. */
    @QueryHandler
    public Optional<ServiceTerms> handle(GetServiceTerms query) {
        if (estate(query.estateId()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(serviceTerms(query.estateId()).orElse(ServiceTerms.DEFAULT));
    }
}

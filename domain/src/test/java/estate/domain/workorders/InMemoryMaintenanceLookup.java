package estate.domain.workorders;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;

import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link MaintenanceLookup} over maps, for fixture tests. */
final class InMemoryMaintenanceLookup implements MaintenanceLookup {

    static final Currency CNY = Currency.getInstance("CNY");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Map<EstateId, EstateTerms> estates = new HashMap<>();
    private final Map<UnitId, EstateId> units = new HashMap<>();
    private final Map<EstateId, ServiceTerms> terms = new HashMap<>();

    InMemoryMaintenanceLookup withEstate(EstateId estateId) {
        estates.put(estateId, new EstateTerms(estateId, CNY, SHANGHAI));
        return this;
    }

    InMemoryMaintenanceLookup withUnits(EstateId estateId, UnitId... unitIds) {
        for (UnitId unit : unitIds) {
            units.put(unit, estateId);
        }
        return this;
    }

    InMemoryMaintenanceLookup withTerms(EstateId estateId, ServiceTerms serviceTerms) {
        terms.put(estateId, serviceTerms);
        return this;
    }

    @Override
    public Optional<EstateTerms> estate(EstateId estateId) {
        return Optional.ofNullable(estates.get(estateId));
    }

    @Override
    public Optional<EstateId> estateOfUnit(UnitId unitId) {
        return Optional.ofNullable(units.get(unitId));
    }

    @Override
    public Optional<ServiceTerms> serviceTerms(EstateId estateId) {
        return Optional.ofNullable(terms.get(estateId));
    }
}

package estate.domain.owners;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;

import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link UnitRegistry} the test fills by hand: which estates exist (with their currency and zone), which units
 * each has, and who holds a unit now. Unlike the real registry it does not follow the events.
 */
final class InMemoryUnitRegistry implements UnitRegistry {

    static final Currency CNY = Currency.getInstance("CNY");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Map<EstateId, EstateTerms> estates = new HashMap<>();
    private final Map<UnitId, EstateId> estateOfUnit = new HashMap<>();
    private final Map<Holding, OwnerAccountId> holders = new HashMap<>();

    /** An estate that keeps its ledgers in CNY and its calendar in Asia/Shanghai. */
    InMemoryUnitRegistry withEstate(EstateId estateId) {
        return withEstate(estateId, CNY, SHANGHAI);
    }

    InMemoryUnitRegistry withEstate(EstateId estateId, Currency currency, ZoneId zoneId) {
        estates.put(estateId, new EstateTerms(estateId, currency, zoneId));
        return this;
    }

    InMemoryUnitRegistry withUnits(EstateId estateId, UnitId... unitIds) {
        if (!estates.containsKey(estateId)) {
            throw new IllegalStateException("Declare estate " + estateId + " before its units");
        }
        for (UnitId unitId : unitIds) {
            estateOfUnit.put(unitId, estateId);
        }
        return this;
    }

    InMemoryUnitRegistry withHolder(UnitId unitId, HolderType holderType, OwnerAccountId accountId) {
        if (!estateOfUnit.containsKey(unitId)) {
            throw new IllegalStateException("Declare unit " + unitId + " before its holder");
        }
        holders.put(new Holding(unitId, holderType), accountId);
        return this;
    }

    @Override
    public Optional<EstateTerms> estate(EstateId estateId) {
        return Optional.ofNullable(estates.get(estateId));
    }

    @Override
    public Optional<EstateId> estateOfUnit(UnitId unitId) {
        return Optional.ofNullable(estateOfUnit.get(unitId));
    }

    @Override
    public Optional<OwnerAccountId> holder(UnitId unitId, HolderType holderType) {
        return Optional.ofNullable(holders.get(new Holding(unitId, holderType)));
    }

    private record Holding(UnitId unitId, HolderType holderType) {
    }
}

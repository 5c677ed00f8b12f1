package estate.application.lookup;

import estate.domain.estates.EstateId;
import estate.domain.estates.UnitId;
import estate.domain.owners.HolderType;
import estate.domain.owners.OwnerAccountId;
import estate.domain.owners.OwnerAccountQueries.AccountAccess;
import estate.domain.owners.OwnerAccountQueries.FindAccountAccess;
import estate.domain.owners.UnitRegistry;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

/** The {@link UnitRegistry} port over the command-side lookup tables, and the account-access query. */
@Component
public class JdbcUnitRegistry implements UnitRegistry {

    private final JdbcTemplate jdbc;

    public JdbcUnitRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EstateTerms> estate(EstateId estateId) {
        return jdbc.query("SELECT currency, zone_id FROM lookup_estate WHERE estate_id = ?",
                (rs, i) -> new EstateTerms(estateId, Currency.getInstance(rs.getString(1)), ZoneId.of(rs.getString(2))),
                estateId.value()).stream().findFirst();
    }

    @Override
    public Optional<EstateId> estateOfUnit(UnitId unitId) {
        return jdbc.query("SELECT estate_id FROM lookup_unit WHERE unit_id = ?",
                (rs, i) -> new EstateId(rs.getString(1)), unitId.value()).stream().findFirst();
    }

    @Override
    public Optional<OwnerAccountId> holder(UnitId unitId, HolderType holderType) {
        return jdbc.query("SELECT account_id FROM lookup_unit_holder WHERE unit_id = ? AND holder_type = ?",
                (rs, i) -> new OwnerAccountId(rs.getString(1)), unitId.value(), holderType.name())
                .stream().findFirst();
    }

    @QueryHandler
    public Optional<AccountAccess> handle(FindAccountAccess query) {
        return jdbc.query("SELECT a.estate_id, a.portal_user, e.zone_id FROM lookup_account a "
                        + "JOIN lookup_estate e ON e.estate_id = a.estate_id WHERE a.account_id = ?",
                (rs, i) -> new AccountAccess(query.accountId(), new EstateId(rs.getString(1)), rs.getString(2),
                        ZoneId.of(rs.getString(3))), query.accountId().value()).stream().findFirst();
    }
}

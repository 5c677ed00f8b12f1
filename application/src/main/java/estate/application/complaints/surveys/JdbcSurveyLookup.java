package estate.application.complaints.surveys;

import estate.domain.complaints.surveys.SurveyLookup;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import estate.application.lookup.JdbcUnitRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link SurveyLookup} port over the command-side tables: the registry's (estates, owner accounts and the units
 * they hold now, read only) and {@code survey_unit_building}.
 */
@Component
public class JdbcSurveyLookup implements SurveyLookup {

    private final JdbcTemplate jdbc;
    private final JdbcUnitRegistry registry;

    public JdbcSurveyLookup(JdbcTemplate jdbc, JdbcUnitRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public Optional<ZoneId> zoneOf(EstateId estateId) {
        return registry.estate(estateId).map(terms -> terms.zoneId());
    }

    @Override
    public Optional<EstateId> estateOfOwnerAccount(OwnerAccountId accountId) {
        return jdbc.queryForList("SELECT a.estate_id FROM lookup_account a WHERE a.account_id = ? "
                        + "AND a.holder_type = 'OWNER' AND EXISTS (SELECT 1 FROM lookup_unit_holder h "
                        + "WHERE h.account_id = a.account_id)", String.class, accountId.value())
                .stream().findFirst().map(EstateId::new);
    }

    @Override
    public Set<BuildingId> buildingsOfAccount(OwnerAccountId accountId) {
        Set<BuildingId> buildings = new TreeSet<>((a, b) -> a.value().compareTo(b.value()));
        jdbc.queryForList("SELECT DISTINCT b.building_id FROM lookup_unit_holder h JOIN survey_unit_building b "
                        + "ON b.unit_id = h.unit_id WHERE h.account_id = ? AND b.building_id IS NOT NULL",
                String.class, accountId.value()).forEach(id -> buildings.add(new BuildingId(id)));
        return buildings;
    }
}

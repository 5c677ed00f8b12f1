package estate.application.complaints.surveys;

import estate.domain.estates.EstateEvent.UnitRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Keeps {@code survey_unit_building} in step with the registry's events, in the transaction that stores them. */
@Component
@ProcessingGroup(SurveyLookupProjection.GROUP)
public class SurveyLookupProjection {

    public static final String GROUP = "survey-lookups";

    private final JdbcTemplate jdbc;

    public SurveyLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UnitRegistered event) {
        jdbc.update("MERGE INTO survey_unit_building (unit_id, building_id) KEY (unit_id) VALUES (?, ?)",
                event.unitId().value(), event.buildingId() == null ? null : event.buildingId().value());
    }
}

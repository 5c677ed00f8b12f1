package estate.application.workorders;

import estate.domain.workorders.InspectionPlanCommands.IssueInspection;
import estate.domain.workorders.InspectionPlanId;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Issues the inspection rounds that have fallen due: for each active plan whose next due date (in
 * {@code workorder_inspection_due}, kept in step with the events) has come in its estate's time zone, it sends
 * {@link IssueInspection}. The plan issues each due date once and refuses it after ({@code
 * inspection-already-issued}), so restarts and several instances issue nothing twice; rounds missed while nothing
 * ran are issued in order, each once. Time is the application clock.
 */
@Component
public class InspectionScheduler {

    public static final String PROCESS = "inspection-scheduler";
    /** Rounds one plan may catch up in one run (a weekly plan after a long outage); the next run goes on. */
    static final int CATCH_UP = 12;
    private static final Logger LOG = LoggerFactory.getLogger(InspectionScheduler.class);

    private final JdbcTemplate jdbc;
    private final ProcessCommands commands;
    private final Clock clock;

    public InspectionScheduler(JdbcTemplate jdbc, ProcessCommands commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    private record Plan(String planId, LocalDate nextDue, ZoneId zone) {
    }

    @Scheduled(fixedDelayString = "${estate.workorders.inspection-interval:PT1M}",
            initialDelayString = "${estate.workorders.inspection-interval:PT1M}")
    public void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Inspection scheduling failed; the next run catches up", e);
        }
    }

    /** One run: returns how many rounds it issued. */
    public int run() {
        Instant now = clock.instant();
        List<Plan> plans = jdbc.query("SELECT d.plan_id, d.next_due, e.zone_id FROM workorder_inspection_due d "
                        + "JOIN lookup_estate e ON e.estate_id = d.estate_id ORDER BY d.next_due, d.plan_id",
                (rs, i) -> new Plan(rs.getString(1), rs.getObject(2, LocalDate.class), ZoneId.of(rs.getString(3))));
        int issued = 0;
        for (Plan plan : plans) {
            LocalDate today = now.atZone(plan.zone()).toLocalDate();
            LocalDate due = plan.nextDue();
            for (int round = 0; round < CATCH_UP && due != null && !due.isAfter(today); round++) {
                if (!issue(plan.planId(), due, now)) {
                    break;
                }
                issued++;
                due = nextDue(plan.planId());
            }
        }
        return issued;
    }

    private boolean issue(String planId, LocalDate due, Instant now) {
        Optional<String> refused;
        try {
            refused = commands.send(new IssueInspection(InspectionPlanId.of(planId), due, now), PROCESS);
        } catch (ConcurrencyException raced) {
            LOG.debug("Plan {} was issued by someone else meanwhile", planId);
            return false;
        }
        refused.filter(code -> !code.equals("inspection-already-issued")).ifPresent(code -> LOG.warn(
                "Plan {} did not issue its round due {}: {}", planId, due, code));
        return refused.isEmpty();
    }

    private LocalDate nextDue(String planId) {
        return jdbc.query("SELECT next_due FROM workorder_inspection_due WHERE plan_id = ?",
                (rs, i) -> rs.getObject(1, LocalDate.class), planId).stream().findFirst().orElse(null);
    }
}

package estate.application.billing;

import estate.domain.billing.ArrearsCommands.ArrearsRunSummary;
import estate.domain.billing.ArrearsCommands.AssessEstateArrears;
import estate.domain.billing.CollectionPolicy;
import estate.domain.billing.FeeScheduleTerms;
import estate.domain.estates.EstateId;
import estate.domain.owners.LateFeeTerms;
import estate.domain.owners.OwnerAccountCommands.AssessArrears;
import estate.domain.owners.OwnerAccountId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The daily arrears run: for every account of every estate with a fee schedule, overdue notices, reminders
 * and late fees through yesterday (the last whole day in the estate's time zone). Each account's assessment
 * is idempotent per day, so a second run, or a second instance running it too, adds nothing.
 */
@Component
public class ArrearsRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ArrearsRunner.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final FeeSchedules schedules;
    private final Clock clock;

    public ArrearsRunner(CommandGateway commands, JdbcTemplate jdbc, FeeSchedules schedules, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.schedules = schedules;
        this.clock = clock;
    }

    @Scheduled(cron = "${estate.billing.arrears-cron:0 30 0 * * *}")
    public void daily() {
        for (var estate : jdbc.queryForList("SELECT estate_id, zone_id FROM lookup_estate")) {
            EstateId estateId = new EstateId((String) estate.get("ESTATE_ID"));
            LocalDate yesterday = LocalDate.now(clock.withZone(ZoneId.of((String) estate.get("ZONE_ID"))))
                    .minusDays(1);
            try {
                assess(estateId, yesterday);
            } catch (RuntimeException e) {
                LOG.error("Arrears run for {} through {} failed; the next run catches up", estateId, yesterday, e);
            }
        }
    }

    /** On demand (finance): one estate through a day. */
    @CommandHandler
    public ArrearsRunSummary handle(AssessEstateArrears command) {
        return assess(command.estateId(), command.asOf());
    }

    /** Assesses every account of an estate through {@code asOf}; nothing when the estate has no schedule. */
    public ArrearsRunSummary assess(EstateId estateId, LocalDate asOf) {
        FeeScheduleTerms terms = schedules.of(estateId).orElse(null);
        if (terms == null) {
            return new ArrearsRunSummary(estateId.value(), asOf, 0);
        }
        CollectionPolicy policy = terms.policy();
        LateFeeTerms lateFees = new LateFeeTerms(policy.graceDays(), policy.dailyRate(), policy.capRatio());
        List<String> accounts = jdbc.queryForList("SELECT account_id FROM lookup_account WHERE estate_id = ?",
                String.class, estateId.value());
        for (String account : accounts) {
            commands.sendAndWait(new AssessArrears(new OwnerAccountId(account), asOf, lateFees));
        }
        return new ArrearsRunSummary(estateId.value(), asOf, accounts.size());
    }
}

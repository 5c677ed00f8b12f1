package estate.application.lookup;

import estate.domain.estates.EstateEvent.EstateRegistered;
import estate.domain.billing.BillRunEvent.BillRunCompleted;
import estate.domain.billing.BillRunEvent.BillRunStarted;
import estate.domain.billing.MeterReadingRecorded;
import estate.domain.estates.EstateEvent.UnitAreaCorrected;
import estate.domain.estates.EstateEvent.UnitRegistered;
import estate.domain.owners.OwnerAccountEvent.AccountClosed;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.FeeCharged;
import estate.domain.owners.OwnerAccountEvent.PortalUserLinked;
import estate.domain.owners.OwnerAccountEvent.UnitAcquired;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredIn;
import estate.domain.owners.OwnerAccountEvent.UnitTransferredOut;
import estate.domain.shared.DomainRuleViolation;
import estate.domain.estates.UnitId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Keeps the command-side lookup tables in step with the events. It is a subscribing processor: it runs in the
 * unit of work of the command, on the same JDBC transaction that stores the events, so the tables are never
 * behind the event store and a unique-key failure here rolls the command back.
 */
@Component
@ProcessingGroup(CommandLookupProjection.GROUP)
public class CommandLookupProjection {

    public static final String GROUP = "command-lookups";

    private final JdbcTemplate jdbc;

    public CommandLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EstateRegistered event) {
        jdbc.update("INSERT INTO lookup_estate (estate_id, currency, zone_id) VALUES (?, ?, ?)",
                event.estateId().value(), event.currency().getCurrencyCode(), event.zoneId().getId());
    }

    @EventHandler
    void on(UnitRegistered event) {
        try {
            jdbc.update("INSERT INTO lookup_unit (unit_id, estate_id, floor_area, unit_use) VALUES (?, ?, ?, ?)",
                    event.unitId().value(), event.estateId().value(), event.floorArea(), event.use().name());
        } catch (DuplicateKeyException inAnotherEstate) {
            throw DomainRuleViolation.conflict("duplicate-unit", "Unit id " + event.unitId() + " is taken");
        }
    }

    @EventHandler
    void on(UnitAreaCorrected event) {
        jdbc.update("UPDATE lookup_unit SET floor_area = ? WHERE unit_id = ?", event.floorArea(),
                event.unitId().value());
    }

    @EventHandler
    void on(AccountOpened event, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO lookup_account (account_id, estate_id, holder_type, portal_user) VALUES (?, ?, ?, ?)",
                event.accountId().value(), event.estateId().value(), event.holderType().name(), event.portalUser());
        for (UnitId unit : event.units()) {
            takeUnit(unit.value(), event.holderType().name(), event.accountId().value());
            startHolding(event.accountId().value(), unit.value(), event.holderType().name(), event.moveInDate(),
                    sequence);
        }
    }

    @EventHandler
    void on(MeterReadingRecorded event, @SequenceNumber long sequence) {
        jdbc.update("INSERT INTO lookup_meter_consumption (meter_id, sequence_no, unit_id, item_code, read_on, "
                        + "consumption) VALUES (?, ?, ?, ?, ?, ?)", event.meterId().value(), sequence,
                event.unitId().value(), event.itemCode(), event.readOn(), event.consumption());
    }

    @EventHandler
    void on(BillRunStarted event) {
        jdbc.update("INSERT INTO billing_run (run_id, estate_id, period, status) VALUES (?, ?, ?, 'RUNNING')",
                event.billRunId().value(), event.estateId().value(), event.period().toString());
    }

    @EventHandler
    void on(BillRunCompleted event) {
        jdbc.update("UPDATE billing_run SET status = 'COMPLETED' WHERE run_id = ?", event.billRunId().value());
    }

    @EventHandler
    void on(PortalUserLinked event) {
        jdbc.update("UPDATE lookup_account SET portal_user = ? WHERE account_id = ?",
                event.portalUser(), event.accountId().value());
    }

    @EventHandler
    void on(UnitAcquired event, @SequenceNumber long sequence) {
        String holderType = jdbc.queryForObject("SELECT holder_type FROM lookup_account WHERE account_id = ?",
                String.class, event.accountId().value());
        takeUnit(event.unitId().value(), holderType, event.accountId().value());
        startHolding(event.accountId().value(), event.unitId().value(), holderType, event.since(), sequence);
    }

    @EventHandler
    void on(UnitTransferredOut event) {
        jdbc.update("DELETE FROM lookup_unit_holder WHERE unit_id = ? AND account_id = ?",
                event.unitId().value(), event.accountId().value());
        endHoldings("unit_id = ? AND account_id = ?", event.transferDate().minusDays(1), event.unitId().value(),
                event.accountId().value());
    }

    @EventHandler
    void on(UnitTransferredIn event, @SequenceNumber long sequence) {
        takeUnit(event.unitId().value(), "OWNER", event.accountId().value());
        startHolding(event.accountId().value(), event.unitId().value(), "OWNER", event.transferDate(), sequence);
    }

    /** The bill run posts only lines not listed here (the account itself skips any it has already). */
    @EventHandler
    void on(FeeCharged event) {
        jdbc.update("INSERT INTO lookup_charge (account_id, charge_id, estate_id, period) VALUES (?, ?, ?, ?)",
                event.accountId().value(), event.chargeId().value(), event.estateId().value(),
                event.period() == null ? null : event.period().toString());
    }

    @EventHandler
    void on(AccountClosed event) {
        // a closed account is not billed: the bill run must ask it (and count it as skipped), not this table
        jdbc.update("DELETE FROM lookup_charge WHERE account_id = ?", event.accountId().value());
        jdbc.update("DELETE FROM lookup_unit_holder WHERE account_id = ?", event.accountId().value());
        endHoldings("account_id = ?", event.moveOutDate(), event.accountId().value());
    }

    private void startHolding(String accountId, String unitId, String holderType, LocalDate from, long sequence) {
        jdbc.update("INSERT INTO lookup_unit_holding (holding_id, unit_id, account_id, holder_type, from_date) "
                + "VALUES (?, ?, ?, ?, ?)", accountId + ":" + unitId + ":" + sequence, unitId, accountId, holderType, from);
    }

    private void endHoldings(String where, LocalDate to, Object... arguments) {
        Object[] all = new Object[arguments.length + 1];
        all[0] = to;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        jdbc.update("UPDATE lookup_unit_holding SET to_date = ? WHERE to_date IS NULL AND " + where, all);
    }

    private void takeUnit(String unitId, String holderType, String accountId) {
        try {
            jdbc.update("INSERT INTO lookup_unit_holder (unit_id, holder_type, account_id) VALUES (?, ?, ?)",
                    unitId, holderType, accountId);
        } catch (DuplicateKeyException concurrentlyTaken) {
            throw DomainRuleViolation.conflict("unit-already-held",
                    "Unit " + unitId + " already has an active " + holderType.toLowerCase() + " account");
        }
    }
}

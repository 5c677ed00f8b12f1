package estate.application.complaints;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import estate.application.config.EstateJson;
import estate.domain.complaints.CarePolicyEvent.CareTermsSet;
import estate.domain.complaints.CareTerms;
import estate.domain.complaints.ComplaintEvent.ComplaintAcknowledged;
import estate.domain.complaints.ComplaintEvent.ComplaintClosed;
import estate.domain.complaints.ComplaintEvent.ComplaintDeadlineMissed;
import estate.domain.complaints.ComplaintEvent.ComplaintMerged;
import estate.domain.complaints.ComplaintEvent.ComplaintReceived;
import estate.domain.complaints.ComplaintEvent.ComplaintReopened;
import estate.domain.complaints.ComplaintEvent.ComplaintResolved;
import estate.domain.complaints.ComplaintEvent.ComplaintWithdrawn;
import estate.domain.complaints.ComplaintEvent.WorkOrderRequested;
import estate.domain.complaints.ComplaintId;
import estate.domain.complaints.DeadlineKind;
import estate.domain.estates.EstateId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the complaint tables of the event store's database in step with the events, in the transaction that stores
 * them: each complaint's estate and account (for repeat detection and access), each estate's care terms, the
 * rapid-response deadlines that run, and the link from a requested work order back to its complaint.
 */
@Component
@ProcessingGroup(ComplaintLookupProjection.GROUP)
public class ComplaintLookupProjection {

    public static final String GROUP = "complaint-lookups";
    static final ObjectMapper JSON = EstateJson.messageMapper();

    private final JdbcTemplate jdbc;

    public ComplaintLookupProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ComplaintReceived e) {
        jdbc.update("INSERT INTO complaint_lookup (complaint_id, estate_id, account_id, received_by, received_at) "
                        + "VALUES (?, ?, ?, ?, ?)", e.complaintId().value(), e.estateId().value(),
                e.accountId() == null ? null : e.accountId().value(), e.receivedBy(), e.receivedAt().toEpochMilli());
        running(e.complaintId(), e.estateId(), DeadlineKind.ACKNOWLEDGE, e.acknowledgeDue());
        running(e.complaintId(), e.estateId(), DeadlineKind.RESOLUTION, e.resolutionDue());
    }

    @EventHandler
    void on(ComplaintAcknowledged e) {
        stopped(e.complaintId(), DeadlineKind.ACKNOWLEDGE);
    }

    @EventHandler
    void on(ComplaintResolved e) {
        stopped(e.complaintId(), DeadlineKind.ACKNOWLEDGE);
        stopped(e.complaintId(), DeadlineKind.RESOLUTION);
    }

    @EventHandler
    void on(ComplaintReopened e) {
        running(e.complaintId(), e.estateId(), DeadlineKind.RESOLUTION, e.resolutionDue());
    }

    @EventHandler
    void on(ComplaintDeadlineMissed e) {
        stopped(e.complaintId(), e.kind());
    }

    @EventHandler
    void on(ComplaintClosed e) {
        stoppedAll(e.complaintId());
    }

    @EventHandler
    void on(ComplaintWithdrawn e) {
        stoppedAll(e.complaintId());
    }

    @EventHandler
    void on(ComplaintMerged e) {
        stoppedAll(e.complaintId());
    }

    @EventHandler
    void on(WorkOrderRequested e) {
        jdbc.update("INSERT INTO complaint_work_order (work_order_id, complaint_id) VALUES (?, ?)", e.workOrderId(),
                e.complaintId().value());
    }

    @EventHandler
    void on(CareTermsSet e) {
        jdbc.update("DELETE FROM complaint_care_terms WHERE estate_id = ?", e.estateId().value());
        jdbc.update("INSERT INTO complaint_care_terms (estate_id, terms) VALUES (?, ?)", e.estateId().value(),
                write(e.terms()));
    }

    private void running(ComplaintId complaintId, EstateId estateId, DeadlineKind kind, Instant due) {
        stopped(complaintId, kind);
        jdbc.update("INSERT INTO complaint_deadline (complaint_id, kind, estate_id, due_at) VALUES (?, ?, ?, ?)",
                complaintId.value(), kind.name(), estateId.value(), due.toEpochMilli());
    }

    private void stopped(ComplaintId complaintId, DeadlineKind kind) {
        jdbc.update("DELETE FROM complaint_deadline WHERE complaint_id = ? AND kind = ?", complaintId.value(),
                kind.name());
    }

    private void stoppedAll(ComplaintId complaintId) {
        jdbc.update("DELETE FROM complaint_deadline WHERE complaint_id = ?", complaintId.value());
    }

    static String write(CareTerms terms) {
        try {
            return JSON.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static CareTerms read(String value) {
        try {
            return JSON.readValue(value, CareTerms.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable care terms in complaint_care_terms", e);
        }
    }
}

package estate.application.complaints;

import estate.domain.complaints.CareTerms;
import estate.domain.complaints.ComplaintId;
import estate.domain.complaints.ComplaintLookup;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import estate.domain.complaints.ComplaintAccessQueries.ComplaintAccess;
import estate.domain.complaints.ComplaintAccessQueries.FindComplaintAccess;
import org.axonframework.queryhandling.QueryHandler;
import estate.application.lookup.JdbcUnitRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link ComplaintLookup} port over the command-side tables (the registry's, read only, and the complaints'). */
@Component
public class JdbcComplaintLookup implements ComplaintLookup {

    private final JdbcTemplate jdbc;
    private final JdbcUnitRegistry registry;

    public JdbcComplaintLookup(JdbcTemplate jdbc, JdbcUnitRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @Override
    public boolean estateExists(EstateId estateId) {
        return registry.estate(estateId).isPresent();
    }

    @Override
    public Optional<EstateId> estateOfAccount(OwnerAccountId accountId) {
        return jdbc.queryForList("SELECT estate_id FROM lookup_account WHERE account_id = ?", String.class,
                accountId.value()).stream().findFirst().map(EstateId::new);
    }

    @Override
    public Optional<CareTerms> careTerms(EstateId estateId) {
        return jdbc.queryForList("SELECT terms FROM complaint_care_terms WHERE estate_id = ?", String.class,
                estateId.value()).stream().findFirst().map(ComplaintLookupProjection::read);
    }

    @Override
    public List<RecentComplaint> complaintsSince(OwnerAccountId accountId, Instant since) {
        return jdbc.query("SELECT complaint_id, received_at FROM complaint_lookup WHERE account_id = ? "
                        + "AND received_at >= ? ORDER BY received_at DESC, complaint_id",
                (rs, i) -> new RecentComplaint(new ComplaintId(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2))),
                accountId.value(), since.toEpochMilli());
    }

    @Override
    public Optional<EstateId> estateOfComplaint(ComplaintId complaintId) {
        return jdbc.queryForList("SELECT estate_id FROM complaint_lookup WHERE complaint_id = ?", String.class,
                complaintId.value()).stream().findFirst().map(EstateId::new);
    }

    @QueryHandler
    public Optional<ComplaintAccess> handle(FindComplaintAccess query) {
        return access(query.complaintId()).map(a -> new ComplaintAccess(query.complaintId(), new EstateId(a.estateId()),
                a.accountId(), a.receivedBy()));
    }

    /** Who may see a complaint: its estate, the account and the login that filed it; empty if there is none. */
    public Optional<Access> access(ComplaintId complaintId) {
        return jdbc.query("SELECT estate_id, account_id, received_by FROM complaint_lookup WHERE complaint_id = ?",
                (rs, i) -> new Access(rs.getString(1), rs.getString(2), rs.getString(3)), complaintId.value())
                .stream().findFirst();
    }

    public record Access(String estateId, String accountId, String receivedBy) {
    }
}

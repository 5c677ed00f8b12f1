package estate.domain.complaints;

import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The command-side lookup complaint commands consult for what lies outside one complaint: the estate, the
 * complainant's account, the estate's care terms, the account's recent complaints and the estate of another
 * complaint. Kept in step with the events in the transaction that stores them, never a read model.
 */
public interface ComplaintLookup {

    boolean estateExists(EstateId estateId);

    Optional<EstateId> estateOfAccount(OwnerAccountId accountId);

    Optional<CareTerms> careTerms(EstateId estateId);

    /** Complaints the account filed received at or after {@code since}, the most recent first. */
    List<RecentComplaint> complaintsSince(OwnerAccountId accountId, Instant since);

    Optional<EstateId> estateOfComplaint(ComplaintId complaintId);

    record RecentComplaint(ComplaintId complaintId, Instant receivedAt) {
    }
}

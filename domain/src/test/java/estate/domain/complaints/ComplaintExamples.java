package estate.domain.complaints;

import estate.domain.complaints.ComplaintEvent.ComplaintAcknowledged;
import estate.domain.complaints.ComplaintEvent.ComplaintAssigned;
import estate.domain.complaints.ComplaintEvent.ComplaintReceived;
import estate.domain.complaints.ComplaintEvent.ComplaintResolved;
import estate.domain.complaints.ComplaintEvent.InvestigationStarted;
import estate.domain.estates.BuildingId;
import estate.domain.estates.EstateId;
import estate.domain.owners.OwnerAccountId;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared people, terms and moments. E1: noise 15 min / 24 h, return visits only when not rated; E2: defaults. */
final class ComplaintExamples {

    static final EstateId ESTATE = EstateId.of("E1");
    static final EstateId OTHER_ESTATE = EstateId.of("E2");
    static final ComplaintId COMPLAINT = ComplaintId.of("C-1");
    static final ComplaintId EARLIER = ComplaintId.of("C-0");
    static final OwnerAccountId ACCOUNT = OwnerAccountId.of("A1");
    static final OwnerAccountId ACCOUNT_E2 = OwnerAccountId.of("A2");
    static final BuildingId BUILDING = BuildingId.of("B1");
    static final Handler ZHAO = Handler.staff("cs-zhao");
    static final Handler QIAN = Handler.staff("cs-qian");
    static final String DESCRIPTION = "Renovation noise after 22:00 every night";
    static final CareTerms E1_TERMS = new CareTerms(List.of(new ResponseTarget(ComplaintCategory.NOISE, 15, 24 * 60)),
            ReturnVisitPolicy.ONLY_WHEN_NOT_RATED);

    static final Instant RECEIVED_AT = Instant.parse("2026-11-28T02:00:00Z");
    static final Instant ACK_DUE = RECEIVED_AT.plus(Duration.ofMinutes(15));
    static final Instant RESOLUTION_DUE = RECEIVED_AT.plus(Duration.ofHours(24));
    static final Instant ACK_AT = RECEIVED_AT.plus(Duration.ofMinutes(10));
    static final Instant ASSIGNED_AT = RECEIVED_AT.plus(Duration.ofMinutes(20));
    static final Instant STARTED_AT = RECEIVED_AT.plus(Duration.ofHours(1));
    static final Instant RESOLVED_AT = RECEIVED_AT.plus(Duration.ofHours(5));
    static final Instant VISITED_AT = RECEIVED_AT.plus(Duration.ofDays(1));

    private ComplaintExamples() {
    }

    static final class InMemoryComplaintLookup implements ComplaintLookup {
        final Map<EstateId, CareTerms> terms = new HashMap<>();
        final Map<OwnerAccountId, EstateId> accounts = new HashMap<>();
        final List<Object[]> complaints = new ArrayList<>();

        @Override
        public boolean estateExists(EstateId estateId) {
            return estateId.equals(ESTATE) || estateId.equals(OTHER_ESTATE);
        }

        @Override
        public Optional<EstateId> estateOfAccount(OwnerAccountId accountId) {
            return Optional.ofNullable(accounts.get(accountId));
        }

        @Override
        public Optional<CareTerms> careTerms(EstateId estateId) {
            return Optional.ofNullable(terms.get(estateId));
        }

        @Override
        public List<RecentComplaint> complaintsSince(OwnerAccountId accountId, Instant since) {
            return complaints.stream().filter(c -> c[1].equals(accountId) && !((Instant) c[2]).isBefore(since))
                    .map(c -> new RecentComplaint((ComplaintId) c[0], (Instant) c[2])).toList();
        }

        @Override
        public Optional<EstateId> estateOfComplaint(ComplaintId complaintId) {
            return complaints.stream().filter(c -> c[0].equals(complaintId)).map(c -> (EstateId) c[3]).findFirst();
        }

        InMemoryComplaintLookup withComplaint(ComplaintId id, OwnerAccountId account, Instant at, EstateId estate) {
            complaints.add(new Object[]{id, account, at, estate});
            return this;
        }
    }

    static InMemoryComplaintLookup lookup() {
        InMemoryComplaintLookup lookup = new InMemoryComplaintLookup();
        lookup.terms.put(ESTATE, E1_TERMS);
        lookup.accounts.put(ACCOUNT, ESTATE);
        lookup.accounts.put(ACCOUNT_E2, OTHER_ESTATE);
        return lookup;
    }

    static AggregateTestFixture<Complaint> fixture() {
        return fixture(lookup());
    }

    static AggregateTestFixture<Complaint> fixture(ComplaintLookup lookup) {
        AggregateTestFixture<Complaint> fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(lookup);
        return fixture;
    }

    static ComplaintReceived received() {
        return received(ReturnVisitPolicy.ONLY_WHEN_NOT_RATED);
    }

    static ComplaintReceived received(ReturnVisitPolicy policy) {
        return new ComplaintReceived(COMPLAINT, ESTATE, Channel.APP, ComplaintCategory.NOISE, ACCOUNT, BUILDING,
                DESCRIPTION, "owner1", ACK_DUE, RESOLUTION_DUE, 24 * 60, policy, null, RECEIVED_AT);
    }

    static ComplaintReceived receivedAnonymously() {
        return new ComplaintReceived(COMPLAINT, ESTATE, Channel.PHONE, ComplaintCategory.NOISE, null, null,
                DESCRIPTION, "cs-zhao", ACK_DUE, RESOLUTION_DUE, 24 * 60, ReturnVisitPolicy.ONLY_WHEN_NOT_RATED, null,
                RECEIVED_AT);
    }

    static ComplaintAcknowledged acknowledged() {
        return new ComplaintAcknowledged(COMPLAINT, ESTATE, "We are on it", ACK_AT);
    }

    static ComplaintAssigned assigned() {
        return new ComplaintAssigned(COMPLAINT, ESTATE, ZHAO, ASSIGNED_AT);
    }

    static InvestigationStarted investigating() {
        return new InvestigationStarted(COMPLAINT, ESTATE, ZHAO, STARTED_AT);
    }

    static Object[] upToInvestigation(ComplaintReceived received) {
        return new Object[]{received, acknowledged(), assigned(), investigating()};
    }

    static ComplaintResolved resolved(boolean returnVisitDue) {
        return new ComplaintResolved(COMPLAINT, ESTATE, ZHAO, "Talked to the neighbour", List.of("Warning letter"),
                null, returnVisitDue, RESOLVED_AT);
    }
}

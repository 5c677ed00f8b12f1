package estate.domain.complaints;

import estate.domain.complaints.ComplaintCommands.AcknowledgeComplaint;
import estate.domain.complaints.ComplaintCommands.AddInternalNote;
import estate.domain.complaints.ComplaintCommands.AssignComplaint;
import estate.domain.complaints.ComplaintCommands.MergeComplaint;
import estate.domain.complaints.ComplaintCommands.ReceiveComplaint;
import estate.domain.complaints.ComplaintCommands.RecordWorkOrderCompleted;
import estate.domain.complaints.ComplaintCommands.ResolveComplaint;
import estate.domain.complaints.ComplaintCommands.StartInvestigation;
import estate.domain.complaints.ComplaintCommands.TransferComplaint;
import estate.domain.complaints.ComplaintCommands.WithdrawComplaint;
import estate.domain.complaints.ComplaintEvent.ComplaintAcknowledged;
import estate.domain.complaints.ComplaintEvent.ComplaintAssigned;
import estate.domain.complaints.ComplaintEvent.ComplaintClosed;
import estate.domain.complaints.ComplaintEvent.ComplaintMerged;
import estate.domain.complaints.ComplaintEvent.ComplaintReceived;
import estate.domain.complaints.ComplaintEvent.ComplaintResolved;
import estate.domain.complaints.ComplaintEvent.ComplaintTransferred;
import estate.domain.complaints.ComplaintEvent.ComplaintWithdrawn;
import estate.domain.complaints.ComplaintEvent.InternalNoteAdded;
import estate.domain.complaints.ComplaintEvent.InvestigationStarted;
import estate.domain.complaints.ComplaintEvent.LinkedWorkOrderCompleted;
import estate.domain.complaints.ComplaintEvent.WorkOrderRequested;
import estate.domain.estates.UnitId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static estate.domain.complaints.ComplaintExamples.*;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

/** Receipt to resolution: every transition with its exact events, and the rules that refuse one. */
class ComplaintLifecycleTest {

    private static ReceiveComplaint receive(Channel channel, estate.domain.owners.OwnerAccountId account) {
        return new ReceiveComplaint(COMPLAINT, ESTATE, channel, ComplaintCategory.NOISE, account, BUILDING,
                DESCRIPTION, "owner1", RECEIVED_AT);
    }

    @Test
    void receivesAComplaintWithTheEstatesDeadlinesAndReturnVisitPolicyComputedIn() {
        fixture().givenNoPriorActivity()
                .when(receive(Channel.APP, ACCOUNT))
                .expectEvents(received());
    }

    @Test
    void usesTheDefaultTermsWhereTheEstateSetNone() {
        fixture().givenNoPriorActivity()
                .when(new ReceiveComplaint(COMPLAINT, OTHER_ESTATE, Channel.FRONT_DESK, ComplaintCategory.FEES,
                        ACCOUNT_E2, null, "Fee too high", "cs", RECEIVED_AT))
                .expectEvents(new ComplaintReceived(COMPLAINT, OTHER_ESTATE, Channel.FRONT_DESK,
                        ComplaintCategory.FEES, ACCOUNT_E2, null, "Fee too high", "cs",
                        RECEIVED_AT.plus(Duration.ofMinutes(30)), RECEIVED_AT.plus(Duration.ofHours(48)), 48 * 60,
                        ReturnVisitPolicy.ALWAYS, null, RECEIVED_AT));
    }

    @Test
    void acceptsAnAnonymousPhoneComplaint() {
        fixture().givenNoPriorActivity()
                .when(new ReceiveComplaint(COMPLAINT, ESTATE, Channel.PHONE, ComplaintCategory.NOISE, null, null,
                        DESCRIPTION, "cs-zhao", RECEIVED_AT))
                .expectEvents(receivedAnonymously());
    }

    @Test
    void refusesAnAnonymousComplaintThroughTheApp() {
        fixture().givenNoPriorActivity().when(receive(Channel.APP, null))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "anonymous-not-allowed"));
    }

    @Test
    void refusesAnAccountOfAnotherEstate() {
        fixture().givenNoPriorActivity().when(receive(Channel.APP, ACCOUNT_E2))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "account-of-other-estate"));
    }

    @Test
    void refusesAnUnknownEstate() {
        fixture().givenNoPriorActivity()
                .when(new ReceiveComplaint(COMPLAINT, estate.domain.estates.EstateId.of("E404"), Channel.PHONE,
                        ComplaintCategory.NOISE, null, null, DESCRIPTION, "cs", RECEIVED_AT))
                .expectNoEvents().expectException(violation(NOT_FOUND, "unknown-estate"));
    }

    @Test
    void acknowledgesAssignsAndInvestigates() {
        fixture().given(received()).when(new AcknowledgeComplaint(COMPLAINT, "We are on it", ACK_AT))
                .expectEvents(new ComplaintAcknowledged(COMPLAINT, ESTATE, "We are on it", ACK_AT));
        fixture().given(received(), acknowledged()).when(new AssignComplaint(COMPLAINT, ZHAO, ASSIGNED_AT))
                .expectEvents(new ComplaintAssigned(COMPLAINT, ESTATE, ZHAO, ASSIGNED_AT));
        fixture().given(received(), acknowledged(), assigned()).when(new StartInvestigation(COMPLAINT, STARTED_AT))
                .expectEvents(new InvestigationStarted(COMPLAINT, ESTATE, ZHAO, STARTED_AT));
    }

    @Test
    void assignsToATeam() {
        fixture().given(received(), acknowledged())
                .when(new AssignComplaint(COMPLAINT, Handler.team("security"), ASSIGNED_AT))
                .expectEvents(new ComplaintAssigned(COMPLAINT, ESTATE, Handler.team("security"), ASSIGNED_AT));
    }

    @Test
    void refusesToAssignBeforeTheComplainantHadAFirstResponse() {
        fixture().given(received()).when(new AssignComplaint(COMPLAINT, ZHAO, ASSIGNED_AT))
                .expectNoEvents().expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void transfersBetweenStaffButNotToTheSameHandler() {
        fixture().given(upToInvestigation(received()))
                .when(new TransferComplaint(COMPLAINT, QIAN, "Zhao on leave", STARTED_AT.plusSeconds(60)))
                .expectEvents(new ComplaintTransferred(COMPLAINT, ESTATE, ZHAO, QIAN, "Zhao on leave",
                        STARTED_AT.plusSeconds(60)));
        fixture().given(upToInvestigation(received()))
                .when(new TransferComplaint(COMPLAINT, ZHAO, "again", STARTED_AT.plusSeconds(60)))
                .expectNoEvents().expectException(violation(CONFLICT, "same-handler"));
    }

    @Test
    void addsAnInternalNote() {
        fixture().given(upToInvestigation(received()))
                .when(new AddInternalNote(COMPLAINT, "Neighbour is a repeat offender", STARTED_AT))
                .expectEvents(new InternalNoteAdded(COMPLAINT, ESTATE, "Neighbour is a repeat offender", STARTED_AT));
    }

    @Test
    void resolvesWithAReturnVisitDueForANamedComplainant() {
        fixture().given(upToInvestigation(received()))
                .when(new ResolveComplaint(COMPLAINT, "Talked to the neighbour", List.of("Warning letter"), null,
                        RESOLVED_AT))
                .expectEvents(resolved(true));
    }

    @Test
    void closesAtResolutionWhenTheEstateNeverMakesReturnVisits() {
        fixture().given(upToInvestigation(received(ReturnVisitPolicy.NEVER)))
                .when(new ResolveComplaint(COMPLAINT, "Talked to the neighbour", List.of("Warning letter"), null,
                        RESOLVED_AT))
                .expectEvents(resolved(false), new ComplaintClosed(COMPLAINT, ESTATE, RESOLVED_AT));
    }

    @Test
    void closesAnAnonymousComplaintAtResolutionThereIsNobodyToCall() {
        fixture().given(receivedAnonymously(), acknowledged(), assigned(), investigating())
                .when(new ResolveComplaint(COMPLAINT, "Talked to the neighbour", List.of("Warning letter"), null,
                        RESOLVED_AT))
                .expectEvents(resolved(false), new ComplaintClosed(COMPLAINT, ESTATE, RESOLVED_AT));
    }

    @Test
    void requestsAWorkOrderLinkedByIdAndRecordsItsCompletion() {
        WorkOrderRequest repair = new WorkOrderRequest("WO-9", null, "Building 1 lobby door", "Door slams at night");
        fixture().given(upToInvestigation(received()))
                .when(new ResolveComplaint(COMPLAINT, "Door closer to be fitted", List.of(), repair, RESOLVED_AT))
                .expectEvents(new ComplaintResolved(COMPLAINT, ESTATE, ZHAO, "Door closer to be fitted", List.of(),
                                "WO-9", true, RESOLVED_AT),
                        new WorkOrderRequested(COMPLAINT, ESTATE, "WO-9", ComplaintCategory.NOISE, ACCOUNT, repair,
                                RESOLVED_AT));
        Instant done = RESOLVED_AT.plus(Duration.ofHours(3));
        fixture().given(upToInvestigation(received()))
                .andGiven(new ComplaintResolved(COMPLAINT, ESTATE, ZHAO, "Fit", List.of(), "WO-9", true, RESOLVED_AT),
                        new WorkOrderRequested(COMPLAINT, ESTATE, "WO-9", ComplaintCategory.NOISE, ACCOUNT, repair,
                                RESOLVED_AT))
                .when(new RecordWorkOrderCompleted(COMPLAINT, "WO-9", done))
                .expectEvents(new LinkedWorkOrderCompleted(COMPLAINT, ESTATE, "WO-9", done));
        fixture().given(upToInvestigation(received())).andGiven(resolved(true))
                .when(new RecordWorkOrderCompleted(COMPLAINT, "WO-9", done))
                .expectNoEvents().expectException(violation(CONFLICT, "no-open-work-order"));
    }

    @Test
    void refusesToResolveBeforeInvestigating() {
        fixture().given(received(), acknowledged(), assigned())
                .when(new ResolveComplaint(COMPLAINT, "x", List.of(), null, RESOLVED_AT))
                .expectNoEvents().expectException(violation(CONFLICT, "illegal-transition"));
    }

    @Test
    void theComplainantWithdrawsAnOpenComplaint() {
        fixture().given(received(), acknowledged())
                .when(new WithdrawComplaint(COMPLAINT, "Sorted it with the neighbour", true, ASSIGNED_AT))
                .expectEvents(new ComplaintWithdrawn(COMPLAINT, ESTATE, "Sorted it with the neighbour", true,
                        ASSIGNED_AT));
        fixture().given(received(), new ComplaintClosed(COMPLAINT, ESTATE, ACK_AT))
                .when(new WithdrawComplaint(COMPLAINT, "late", true, ASSIGNED_AT))
                .expectNoEvents().expectException(violation(CONFLICT, "illegal-transition"));
        fixture().given(receivedAnonymously())
                .when(new WithdrawComplaint(COMPLAINT, "who?", true, ASSIGNED_AT))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "anonymous-complaint"));
    }

    @Test
    void mergesADuplicateIntoAnotherComplaintOfTheEstate() {
        ComplaintExamples.InMemoryComplaintLookup lookup = lookup()
                .withComplaint(EARLIER, ACCOUNT, RECEIVED_AT.minusSeconds(600), ESTATE)
                .withComplaint(ComplaintId.of("C-E2"), ACCOUNT_E2, RECEIVED_AT, OTHER_ESTATE);
        fixture(lookup).given(received()).when(new MergeComplaint(COMPLAINT, EARLIER, ACK_AT))
                .expectEvents(new ComplaintMerged(COMPLAINT, ESTATE, EARLIER, ACK_AT));
        fixture(lookup).given(received()).when(new MergeComplaint(COMPLAINT, COMPLAINT, ACK_AT))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "merge-into-self"));
        fixture(lookup).given(received()).when(new MergeComplaint(COMPLAINT, ComplaintId.of("C-404"), ACK_AT))
                .expectNoEvents().expectException(violation(NOT_FOUND, "unknown-complaint"));
        fixture(lookup).given(received()).when(new MergeComplaint(COMPLAINT, ComplaintId.of("C-E2"), ACK_AT))
                .expectNoEvents().expectException(violation(UNPROCESSABLE, "complaint-of-other-estate"));
    }

    @Test
    void aWorkOrderUnitIsOptionalButAPlaceIsNot() {
        new WorkOrderRequest("WO-1", UnitId.of("U-1"), null, "Fix");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WorkOrderRequest("WO-1", null, null, "Fix"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

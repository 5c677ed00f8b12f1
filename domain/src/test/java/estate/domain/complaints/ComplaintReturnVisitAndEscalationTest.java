package estate.domain.complaints;

import estate.domain.complaints.CarePolicyEvent.CareTermsSet;
import estate.domain.complaints.ComplaintCommands.AcknowledgeComplaint;
import estate.domain.complaints.ComplaintCommands.RateResolution;
import estate.domain.complaints.ComplaintCommands.ReceiveComplaint;
import estate.domain.complaints.ComplaintCommands.RecordMissedDeadline;
import estate.domain.complaints.ComplaintCommands.RecordReturnVisit;
import estate.domain.complaints.ComplaintCommands.ResolveComplaint;
import estate.domain.complaints.ComplaintCommands.SetCareTerms;
import estate.domain.complaints.ComplaintEvent.ComplaintAcknowledged;
import estate.domain.complaints.ComplaintEvent.ComplaintClosed;
import estate.domain.complaints.ComplaintEvent.ComplaintDeadlineMissed;
import estate.domain.complaints.ComplaintEvent.ComplaintEscalated;
import estate.domain.complaints.ComplaintEvent.ComplaintReceived;
import estate.domain.complaints.ComplaintEvent.ComplaintReopened;
import estate.domain.complaints.ComplaintEvent.ComplaintResolved;
import estate.domain.complaints.ComplaintEvent.ResolutionRated;
import estate.domain.complaints.ComplaintEvent.ReturnVisitRecorded;
import estate.domain.complaints.ComplaintEvent.WorkOrderRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static estate.domain.complaints.ComplaintEscalationReason.ACKNOWLEDGE_OVERDUE;
import static estate.domain.complaints.ComplaintEscalationReason.REOPENED;
import static estate.domain.complaints.ComplaintEscalationReason.REPEAT_COMPLAINT;
import static estate.domain.complaints.ComplaintEscalationReason.RESOLUTION_OVERDUE;
import static estate.domain.complaints.ComplaintExamples.*;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** Ratings, return visits (回访), reopenings, missed deadlines, repeat complaints and escalation levels. */
class ComplaintReturnVisitAndEscalationTest {

    private static final Instant RATED_AT = RESOLVED_AT.plus(Duration.ofHours(2));
    private static final String MANAGER = EscalationPolicy.ESCALATED_TO;

    private static Object[] resolvedWith(ReturnVisitPolicy policy) {
        return new Object[]{received(policy), acknowledged(), assigned(), investigating(), resolved(true)};
    }

    @Test
    void aReturnVisitThatIsAcceptedClosesTheComplaint() {
        fixture().given(resolvedWith(ReturnVisitPolicy.ALWAYS))
                .when(new RecordReturnVisit(COMPLAINT, 4, true, "Quiet now", VISITED_AT))
                .expectEvents(new ReturnVisitRecorded(COMPLAINT, ESTATE, 4, true, "Quiet now", VISITED_AT),
                        new ComplaintClosed(COMPLAINT, ESTATE, VISITED_AT));
    }

    @Test
    void aReturnVisitThatIsNotAcceptedReopensAgainstTheHandlerAndEscalatesAtLevelTwo() {
        fixture().given(resolvedWith(ReturnVisitPolicy.ALWAYS))
                .when(new RecordReturnVisit(COMPLAINT, 2, false, "Still noisy", VISITED_AT))
                .expectEvents(new ReturnVisitRecorded(COMPLAINT, ESTATE, 2, false, "Still noisy", VISITED_AT),
                        new ComplaintReopened(COMPLAINT, ESTATE, ZHAO,
                                "Not accepted on the return visit (satisfaction 2)", 1,
                                VISITED_AT.plus(Duration.ofHours(24)), VISITED_AT),
                        new ComplaintEscalated(COMPLAINT, ESTATE, 1, REOPENED, 2, MANAGER, null, VISITED_AT));
    }

    @Test
    void aSecondReopeningEscalatesOneLevelHigher() {
        Instant second = VISITED_AT.plus(Duration.ofDays(2));
        fixture().given(resolvedWith(ReturnVisitPolicy.ALWAYS))
                .andGiven(new ComplaintReopened(COMPLAINT, ESTATE, ZHAO, "no", 1, VISITED_AT.plus(Duration.ofHours(24)),
                                VISITED_AT),
                        new ComplaintEscalated(COMPLAINT, ESTATE, 1, REOPENED, 2, MANAGER, null, VISITED_AT),
                        new ComplaintResolved(COMPLAINT, ESTATE, ZHAO, "Again", List.of(), null, true,
                                VISITED_AT.plusSeconds(3600)))
                .when(new RecordReturnVisit(COMPLAINT, 1, false, null, second))
                .expectEvents(new ReturnVisitRecorded(COMPLAINT, ESTATE, 1, false, null, second),
                        new ComplaintReopened(COMPLAINT, ESTATE, ZHAO,
                                "Not accepted on the return visit (satisfaction 1)", 2,
                                second.plus(Duration.ofHours(24)), second),
                        new ComplaintEscalated(COMPLAINT, ESTATE, 2, REOPENED, 3, MANAGER, null, second));
    }

    @Test
    void aRatingThatIsAcceptedClosesWhenReturnVisitsAreOnlyForTheUnrated() {
        fixture().given(resolvedWith(ReturnVisitPolicy.ONLY_WHEN_NOT_RATED))
                .when(new RateResolution(COMPLAINT, 5, true, "Thanks", RATED_AT))
                .expectEvents(new ResolutionRated(COMPLAINT, ESTATE, 5, true, "Thanks", RATED_AT),
                        new ComplaintClosed(COMPLAINT, ESTATE, RATED_AT));
    }

    @Test
    void aRatingThatIsAcceptedStillAwaitsTheReturnVisitWhenTheEstateAlwaysCallsBack() {
        fixture().given(resolvedWith(ReturnVisitPolicy.ALWAYS))
                .when(new RateResolution(COMPLAINT, 5, true, null, RATED_AT))
                .expectEvents(new ResolutionRated(COMPLAINT, ESTATE, 5, true, null, RATED_AT));
    }

    @Test
    void aRatingThatIsNotAcceptedReopens() {
        fixture().given(resolvedWith(ReturnVisitPolicy.ONLY_WHEN_NOT_RATED))
                .when(new RateResolution(COMPLAINT, 1, false, "Nothing changed", RATED_AT))
                .expectEvents(new ResolutionRated(COMPLAINT, ESTATE, 1, false, "Nothing changed", RATED_AT),
                        new ComplaintReopened(COMPLAINT, ESTATE, ZHAO,
                                "The complainant did not accept the resolution (rated 1)", 1,
                                RATED_AT.plus(Duration.ofHours(24)), RATED_AT),
                        new ComplaintEscalated(COMPLAINT, ESTATE, 1, REOPENED, 2, MANAGER, null, RATED_AT));
    }

    @Test
    void rejectsASecondRating() {
        fixture().given(resolvedWith(ReturnVisitPolicy.ALWAYS))
                .andGiven(new ResolutionRated(COMPLAINT, ESTATE, 5, true, null, RATED_AT))
                .when(new RateResolution(COMPLAINT, 4, true, null, RATED_AT.plusSeconds(5)))
                .expectNoEvents().expectException(violation(CONFLICT, "already-rated"));
    }

    @Test
    void theReturnVisitWaitsForTheRequestedWorkOrder() {
        WorkOrderRequest repair = new WorkOrderRequest("WO-9", null, "Lobby door", "Door slams");
        fixture().given(upToInvestigation(received(ReturnVisitPolicy.ALWAYS)))
                .andGiven(new ComplaintResolved(COMPLAINT, ESTATE, ZHAO, "Fit", List.of(), "WO-9", true, RESOLVED_AT),
                        new WorkOrderRequested(COMPLAINT, ESTATE, "WO-9", ComplaintCategory.NOISE, ACCOUNT, repair,
                                RESOLVED_AT))
                .when(new RecordReturnVisit(COMPLAINT, 5, true, null, VISITED_AT))
                .expectNoEvents().expectException(violation(CONFLICT, "work-order-open"));
    }

    @Test
    void theSweeperRecordsAMissedAcknowledgementOnceAtLevelOne() {
        Instant late = ACK_DUE.plusSeconds(5);
        fixture().given(received())
                .when(new RecordMissedDeadline(COMPLAINT, DeadlineKind.ACKNOWLEDGE, ACK_DUE, late))
                .expectEvents(new ComplaintDeadlineMissed(COMPLAINT, ESTATE, DeadlineKind.ACKNOWLEDGE, ACK_DUE, null,
                                late),
                        new ComplaintEscalated(COMPLAINT, ESTATE, 1, ACKNOWLEDGE_OVERDUE, 1, MANAGER, ACK_DUE, late));
        fixture().given(received(), new ComplaintDeadlineMissed(COMPLAINT, ESTATE, DeadlineKind.ACKNOWLEDGE, ACK_DUE,
                        null, late))
                .when(new RecordMissedDeadline(COMPLAINT, DeadlineKind.ACKNOWLEDGE, ACK_DUE, late.plusSeconds(15)))
                .expectNoEvents().expectException(violation(CONFLICT, "already-breached"));
    }

    @Test
    void theSweepersCommandIsRefusedWhenTheClockWasMetMovedOrNotYetDue() {
        fixture().given(received(), acknowledged())
                .when(new RecordMissedDeadline(COMPLAINT, DeadlineKind.ACKNOWLEDGE, ACK_DUE, ACK_DUE.plusSeconds(5)))
                .expectNoEvents().expectException(violation(CONFLICT, "deadline-not-running"));
        fixture().given(received())
                .when(new RecordMissedDeadline(COMPLAINT, DeadlineKind.ACKNOWLEDGE, ACK_DUE, ACK_DUE))
                .expectNoEvents().expectException(violation(CONFLICT, "deadline-not-reached"));
        fixture().given(received())
                .when(new RecordMissedDeadline(COMPLAINT, DeadlineKind.RESOLUTION, ACK_DUE, RESOLUTION_DUE.plusSeconds(1)))
                .expectNoEvents().expectException(violation(CONFLICT, "deadline-moved"));
        fixture().given(resolvedWith(ReturnVisitPolicy.ALWAYS))
                .when(new RecordMissedDeadline(COMPLAINT, DeadlineKind.RESOLUTION, RESOLUTION_DUE,
                        RESOLUTION_DUE.plusSeconds(1)))
                .expectNoEvents().expectException(violation(CONFLICT, "deadline-not-running"));
    }

    @Test
    void aLateAcknowledgementRecordsTheMissedDeadlineItself() {
        Instant late = ACK_DUE.plusSeconds(60);
        fixture().given(received())
                .when(new AcknowledgeComplaint(COMPLAINT, "Sorry for the wait", late))
                .expectEvents(new ComplaintDeadlineMissed(COMPLAINT, ESTATE, DeadlineKind.ACKNOWLEDGE, ACK_DUE, null,
                                late),
                        new ComplaintEscalated(COMPLAINT, ESTATE, 1, ACKNOWLEDGE_OVERDUE, 1, MANAGER, ACK_DUE, late),
                        new ComplaintAcknowledged(COMPLAINT, ESTATE, "Sorry for the wait", late));
    }

    @Test
    void aSecondMissedDeadlineEscalatesWithHigherSeverity() {
        Instant ackLate = ACK_DUE.plusSeconds(5);
        Instant late = RESOLUTION_DUE.plusSeconds(5);
        fixture().given(received(), new ComplaintDeadlineMissed(COMPLAINT, ESTATE, DeadlineKind.ACKNOWLEDGE, ACK_DUE,
                                null, ackLate),
                        new ComplaintEscalated(COMPLAINT, ESTATE, 1, ACKNOWLEDGE_OVERDUE, 1, MANAGER, ACK_DUE, ackLate),
                        acknowledged(), assigned(), investigating())
                .when(new ResolveComplaint(COMPLAINT, "Done", List.of(), null, late))
                .expectEvents(new ComplaintDeadlineMissed(COMPLAINT, ESTATE, DeadlineKind.RESOLUTION, RESOLUTION_DUE,
                                ZHAO, late),
                        new ComplaintEscalated(COMPLAINT, ESTATE, 2, RESOLUTION_OVERDUE, 2, MANAGER, RESOLUTION_DUE,
                                late),
                        new ComplaintResolved(COMPLAINT, ESTATE, ZHAO, "Done", List.of(), null, true, late));
    }

    @Test
    void aRepeatComplaintFromTheSameAccountWithin30DaysEscalatesAtOnce() {
        ComplaintExamples.InMemoryComplaintLookup lookup = lookup()
                .withComplaint(EARLIER, ACCOUNT, RECEIVED_AT.minus(Duration.ofDays(29)), ESTATE);
        ComplaintReceived repeat = new ComplaintReceived(COMPLAINT, ESTATE, Channel.APP, ComplaintCategory.NOISE,
                ACCOUNT, BUILDING, DESCRIPTION, "owner1", ACK_DUE, RESOLUTION_DUE, 24 * 60,
                ReturnVisitPolicy.ONLY_WHEN_NOT_RATED, EARLIER, RECEIVED_AT);
        fixture(lookup).givenNoPriorActivity()
                .when(new ReceiveComplaint(COMPLAINT, ESTATE, Channel.APP, ComplaintCategory.NOISE, ACCOUNT, BUILDING,
                        DESCRIPTION, "owner1", RECEIVED_AT))
                .expectEvents(repeat,
                        new ComplaintEscalated(COMPLAINT, ESTATE, 1, REPEAT_COMPLAINT, 2, MANAGER, null, RECEIVED_AT));
    }

    @Test
    void aComplaintMoreThan30DaysAfterTheLastIsNoRepeat() {
        ComplaintExamples.InMemoryComplaintLookup lookup = lookup()
                .withComplaint(EARLIER, ACCOUNT, RECEIVED_AT.minus(Duration.ofDays(30)).minusSeconds(1), ESTATE);
        fixture(lookup).givenNoPriorActivity()
                .when(new ReceiveComplaint(COMPLAINT, ESTATE, Channel.APP, ComplaintCategory.NOISE, ACCOUNT, BUILDING,
                        DESCRIPTION, "owner1", RECEIVED_AT))
                .expectEvents(received());
    }

    @Test
    void escalationLevelsRiseWithSecondBreachesReopeningsAndRepeats() {
        assertThat(EscalationPolicy.levelFor(ACKNOWLEDGE_OVERDUE, 0, 0)).isEqualTo(1);
        assertThat(EscalationPolicy.levelFor(RESOLUTION_OVERDUE, 1, 1)).isEqualTo(2);
        assertThat(EscalationPolicy.levelFor(REOPENED, 0, 0)).isEqualTo(2);
        assertThat(EscalationPolicy.levelFor(REPEAT_COMPLAINT, 0, 0)).isEqualTo(2);
        assertThat(EscalationPolicy.levelFor(ACKNOWLEDGE_OVERDUE, 0, 2)).isEqualTo(2);
        assertThat(EscalationPolicy.levelFor(REOPENED, 3, 3)).isEqualTo(3);
    }

    @Test
    void theManagerSetsTheEstatesCareTermsOnce() {
        AggregateTestFixture<CarePolicy> policy = new AggregateTestFixture<>(CarePolicy.class);
        policy.registerInjectableResource(lookup());
        policy.givenNoPriorActivity().when(new SetCareTerms(ESTATE, E1_TERMS))
                .expectEvents(new CareTermsSet(ESTATE, E1_TERMS));
        policy.given(new CareTermsSet(ESTATE, E1_TERMS)).when(new SetCareTerms(ESTATE, E1_TERMS))
                .expectNoEvents().expectException(violation(
                        estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE, "terms-unchanged"));
    }
}

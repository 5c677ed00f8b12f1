package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.NoteConcern;
import estate.domain.owners.OwnerAccountCommands.RecordInteraction;
import estate.domain.owners.OwnerAccountCommands.ResolveConcern;
import estate.domain.owners.OwnerAccountEvent.ConcernNoted;
import estate.domain.owners.OwnerAccountEvent.ConcernResolved;
import estate.domain.owners.OwnerAccountEvent.InteractionRecorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.NOW;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.testing.RuleViolationMatcher.violation;

class CustomerFileTest {

    private static final InteractionId CALL = InteractionId.of("I1");
    private static final ConcernId NOISE = ConcernId.of("K1");
    private static final Instant NEXT_DAY = Instant.parse("2026-11-29T02:00:00Z");

    private static RecordInteraction recordCall() {
        return new RecordInteraction(ACCOUNT, CALL, InteractionChannel.PHONE, "Asked about the heating fee",
                Set.of("heating", "fees"), "Li Wei", NOW);
    }

    private static ConcernNoted noiseNoted() {
        return new ConcernNoted(ACCOUNT, ESTATE, NOISE, "noise", "Lift motor hums at night", NOW);
    }

    @Test
    void recordsAnInteraction() {
        fixture().given(accountOpened())
                .when(recordCall())
                .expectEvents(new InteractionRecorded(ACCOUNT, ESTATE, CALL, InteractionChannel.PHONE,
                        "Asked about the heating fee", Set.of("heating", "fees"), "Li Wei", NOW));
    }

    @Test
    void rejectsAnInteractionRecordedAlready() {
        fixture().given(accountOpened())
                .andGivenCommands(recordCall())
                .when(recordCall())
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-interaction"));
    }

    @Test
    void notesAConcern() {
        fixture().given(accountOpened())
                .when(new NoteConcern(ACCOUNT, NOISE, "noise", "Lift motor hums at night", NOW))
                .expectEvents(noiseNoted());
    }

    @Test
    void rejectsAConcernNotedAlready() {
        fixture().given(accountOpened(), noiseNoted())
                .when(new NoteConcern(ACCOUNT, NOISE, "lift", "Another text, same id", NEXT_DAY))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-concern"));
    }

    @Test
    void resolvesAnOpenConcern() {
        fixture().given(accountOpened(), noiseNoted())
                .when(new ResolveConcern(ACCOUNT, NOISE, "Motor mount replaced", NEXT_DAY))
                .expectEvents(new ConcernResolved(ACCOUNT, ESTATE, NOISE, "Motor mount replaced", NEXT_DAY));
    }

    @Test
    void rejectsResolvingAConcernThatWasNeverNoted() {
        fixture().given(accountOpened())
                .when(new ResolveConcern(ACCOUNT, NOISE, "Motor mount replaced", NEXT_DAY))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-concern"));
    }

    @Test
    void rejectsResolvingAConcernTwice() {
        fixture().given(accountOpened(), noiseNoted(),
                        new ConcernResolved(ACCOUNT, ESTATE, NOISE, "Motor mount replaced", NEXT_DAY))
                .when(new ResolveConcern(ACCOUNT, NOISE, "Checked again", NEXT_DAY))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "concern-already-resolved"));
    }
}

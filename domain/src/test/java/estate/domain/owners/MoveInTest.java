package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.RecordMoveIn;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import estate.domain.owners.OwnerAccountEvent.MovedIn;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.CONTACT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.testing.RuleViolationMatcher.violation;

class MoveInTest {

    private static final LocalDate KEYS_HANDED_OVER = LocalDate.of(2026, 12, 5);

    private static AccountOpened openedBeforeMovingIn() {
        return new AccountOpened(ACCOUNT, ESTATE, HolderType.OWNER, CONTACT, List.of(FLAT), null, null,
                InMemoryUnitRegistry.CNY, InMemoryUnitRegistry.SHANGHAI);
    }

    @Test
    void recordsTheMoveInOfAHolderWhoHadNotMovedIn() {
        fixture().given(openedBeforeMovingIn())
                .when(new RecordMoveIn(ACCOUNT, KEYS_HANDED_OVER))
                .expectEvents(new MovedIn(ACCOUNT, ESTATE, KEYS_HANDED_OVER));
    }

    @Test
    void rejectsASecondMoveInWhenTheAccountOpenedWithAMoveInDate() {
        fixture().given(accountOpened())
                .when(new RecordMoveIn(ACCOUNT, KEYS_HANDED_OVER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "already-moved-in"));
    }

    @Test
    void rejectsASecondMoveInAfterARecordedMoveIn() {
        fixture().given(openedBeforeMovingIn(), new MovedIn(ACCOUNT, ESTATE, KEYS_HANDED_OVER))
                .when(new RecordMoveIn(ACCOUNT, KEYS_HANDED_OVER.plusDays(1)))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "already-moved-in"));
    }

    @Test
    void rejectsAMoveInOnAClosedAccount() {
        fixture().given(openedBeforeMovingIn(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(new RecordMoveIn(ACCOUNT, KEYS_HANDED_OVER))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}

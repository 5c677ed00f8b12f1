package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.AcquireUnit;
import estate.domain.owners.OwnerAccountEvent.UnitAcquired;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.FLAT_IN_OTHER_ESTATE;
import static estate.domain.owners.OwnerAccountExamples.OTHER_ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.PARKING_SPACE;
import static estate.domain.owners.OwnerAccountExamples.UNREGISTERED_UNIT;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.registry;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.owners.OwnerAccountExamples.tenantAccountOpened;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

class AcquireUnitTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 11, 20);

    @Test
    void acquiresAFreeUnitOfTheSameEstate() {
        fixture().given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE))
                .expectEvents(new UnitAcquired(ACCOUNT, ESTATE, PARKING_SPACE, SINCE));
    }

    @Test
    void tenantAcquiresAUnitThatHasAnOwnerButNoTenant() {
        InMemoryUnitRegistry registry = registry().withHolder(PARKING_SPACE, HolderType.OWNER, OTHER_ACCOUNT);

        fixture(registry).given(tenantAccountOpened(ACCOUNT, ESTATE, FLAT))
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE))
                .expectEvents(new UnitAcquired(ACCOUNT, ESTATE, PARKING_SPACE, SINCE));
    }

    @Test
    void rejectsAUnitTheAccountOpenedWith() {
        fixture().given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, FLAT, SINCE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-already-on-account"));
    }

    @Test
    void rejectsAUnitTheAccountAcquiredEarlier() {
        fixture().given(accountOpened(), new UnitAcquired(ACCOUNT, ESTATE, PARKING_SPACE, SINCE))
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE.plusDays(1)))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-already-on-account"));
    }

    @Test
    void rejectsAUnitHeldByAnotherOwnerAccount() {
        InMemoryUnitRegistry registry = registry().withHolder(PARKING_SPACE, HolderType.OWNER, OTHER_ACCOUNT);

        fixture(registry).given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-already-held"));
    }

    @Test
    void rejectsAUnitThatIsNotRegistered() {
        fixture().given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, UNREGISTERED_UNIT, SINCE))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-unit"));
    }

    @Test
    void rejectsAUnitOfAnotherEstate() {
        fixture().given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, FLAT_IN_OTHER_ESTATE, SINCE))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "unit-of-other-estate"));
    }

    @Test
    void rejectsAcquiringOnAClosedAccount() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}

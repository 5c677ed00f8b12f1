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
import static estate.domain.owners.OwnerAccountExamples.scenario;
import static estate.domain.owners.OwnerAccountExamples.tenantAccountOpened;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;

class AcquireUnitTest {

    private static final LocalDate SINCE = LocalDate.of(2026, 11, 20);

    @Test
    void acquiresAFreeUnitOfTheSameEstate() {
        scenario().given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE))
                .expectEvents(new UnitAcquired(ACCOUNT, ESTATE, PARKING_SPACE, SINCE));
    }

    @Test
    void tenantAcquiresAUnitThatHasAnOwnerButNoTenant() {
        InMemoryUnitRegistry registry = registry().withHolder(PARKING_SPACE, HolderType.OWNER, OTHER_ACCOUNT);

        scenario(registry).given(tenantAccountOpened(ACCOUNT, ESTATE, FLAT))
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE))
                .expectEvents(new UnitAcquired(ACCOUNT, ESTATE, PARKING_SPACE, SINCE));
    }

    @Test
    void rejectsAUnitTheAccountOpenedWith() {
        scenario().given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, FLAT, SINCE))
                .expectRuleViolation(CONFLICT, "unit-already-on-account");
    }

    @Test
    void rejectsAUnitTheAccountAcquiredEarlier() {
        scenario().given(accountOpened(), new UnitAcquired(ACCOUNT, ESTATE, PARKING_SPACE, SINCE))
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE.plusDays(1)))
                .expectRuleViolation(CONFLICT, "unit-already-on-account");
    }

    @Test
    void rejectsAUnitHeldByAnotherOwnerAccount() {
        InMemoryUnitRegistry registry = registry().withHolder(PARKING_SPACE, HolderType.OWNER, OTHER_ACCOUNT);

        scenario(registry).given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE))
                .expectRuleViolation(CONFLICT, "unit-already-held");
    }

    @Test
    void rejectsAUnitThatIsNotRegistered() {
        scenario().given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, UNREGISTERED_UNIT, SINCE))
                .expectRuleViolation(NOT_FOUND, "unknown-unit");
    }

    @Test
    void rejectsAUnitOfAnotherEstate() {
        scenario().given(accountOpened())
                .when(new AcquireUnit(ACCOUNT, FLAT_IN_OTHER_ESTATE, SINCE))
                .expectRuleViolation(UNPROCESSABLE, "unit-of-other-estate");
    }

    @Test
    void rejectsAcquiringOnAClosedAccount() {
        scenario().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(new AcquireUnit(ACCOUNT, PARKING_SPACE, SINCE))
                .expectRuleViolation(CONFLICT, "account-closed");
    }
}

package estate.domain.owners;

import estate.domain.estates.UnitId;
import estate.domain.owners.OwnerAccountCommands.OpenAccount;
import estate.domain.owners.OwnerAccountEvent.AccountOpened;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.CONTACT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.FLAT_IN_OTHER_ESTATE;
import static estate.domain.owners.OwnerAccountExamples.MOVE_IN;
import static estate.domain.owners.OwnerAccountExamples.OTHER_ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.PARKING_SPACE;
import static estate.domain.owners.OwnerAccountExamples.UNREGISTERED_UNIT;
import static estate.domain.owners.OwnerAccountExamples.registry;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

class OpenAccountTest {

    private static OpenAccount openOwnerAccount(UnitId... units) {
        return new OpenAccount(ACCOUNT, ESTATE, HolderType.OWNER, CONTACT, List.of(units), MOVE_IN, "wangfang");
    }

    @Test
    void opensAccountWithTheCurrencyAndTimeZoneOfTheEstateTerms() {
        InMemoryUnitRegistry registry = registry()
                .withEstate(ESTATE, Currency.getInstance("HKD"), ZoneId.of("Asia/Hong_Kong"));

        fixture(registry).givenNoPriorActivity()
                .when(openOwnerAccount(FLAT, PARKING_SPACE))
                .expectEvents(new AccountOpened(ACCOUNT, ESTATE, HolderType.OWNER, CONTACT,
                        List.of(FLAT, PARKING_SPACE), MOVE_IN, "wangfang", Currency.getInstance("HKD"),
                        ZoneId.of("Asia/Hong_Kong")));
    }

    @Test
    void opensAccountInCnyForAnEstateThatKeepsItsLedgersInCny() {
        fixture().givenNoPriorActivity()
                .when(new OpenAccount(ACCOUNT, ESTATE, HolderType.OWNER, CONTACT, List.of(FLAT), null, null))
                .expectEvents(new AccountOpened(ACCOUNT, ESTATE, HolderType.OWNER, CONTACT, List.of(FLAT), null, null,
                        InMemoryUnitRegistry.CNY, InMemoryUnitRegistry.SHANGHAI));
    }

    @Test
    void opensTenantAccountForAUnitThatHasAnOwner() {
        InMemoryUnitRegistry registry = registry().withHolder(FLAT, HolderType.OWNER, OTHER_ACCOUNT);

        fixture(registry).givenNoPriorActivity()
                .when(new OpenAccount(ACCOUNT, ESTATE, HolderType.TENANT, CONTACT, List.of(FLAT), MOVE_IN, null))
                .expectEvents(new AccountOpened(ACCOUNT, ESTATE, HolderType.TENANT, CONTACT, List.of(FLAT), MOVE_IN,
                        null, InMemoryUnitRegistry.CNY, InMemoryUnitRegistry.SHANGHAI));
    }

    @Test
    void rejectsAnEstateThatIsNotRegistered() {
        fixture(new InMemoryUnitRegistry()).givenNoPriorActivity()
                .when(openOwnerAccount(FLAT))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-estate"));
    }

    @Test
    void rejectsAUnitThatIsNotRegistered() {
        fixture().givenNoPriorActivity()
                .when(openOwnerAccount(FLAT, UNREGISTERED_UNIT))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-unit"));
    }

    @Test
    void rejectsAUnitOfAnotherEstate() {
        fixture().givenNoPriorActivity()
                .when(openOwnerAccount(FLAT, FLAT_IN_OTHER_ESTATE))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "unit-of-other-estate"));
    }

    @Test
    void rejectsAUnitThatAlreadyHasAnOwnerAccount() {
        InMemoryUnitRegistry registry = registry().withHolder(FLAT, HolderType.OWNER, OTHER_ACCOUNT);

        fixture(registry).givenNoPriorActivity()
                .when(openOwnerAccount(FLAT))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-already-held"));
    }

    @Test
    void rejectsATenantAccountForAUnitThatAlreadyHasATenant() {
        InMemoryUnitRegistry registry = registry().withHolder(FLAT, HolderType.TENANT, OTHER_ACCOUNT);

        fixture(registry).givenNoPriorActivity()
                .when(new OpenAccount(ACCOUNT, ESTATE, HolderType.TENANT, CONTACT, List.of(FLAT), MOVE_IN, null))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-already-held"));
    }

    @Test
    void rejectsARequestThatNamesAUnitTwice() {
        fixture().givenNoPriorActivity()
                .when(openOwnerAccount(FLAT, PARKING_SPACE, FLAT))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "duplicate-unit-in-request"));
    }
}

package estate.domain.owners;

import estate.domain.owners.OwnerAccountCommands.ChangeContactDetails;
import estate.domain.owners.OwnerAccountCommands.LinkPortalUser;
import estate.domain.owners.OwnerAccountEvent.ContactDetailsChanged;
import estate.domain.owners.OwnerAccountEvent.PortalUserLinked;
import org.junit.jupiter.api.Test;

import static estate.domain.owners.OwnerAccountExamples.ACCOUNT;
import static estate.domain.owners.OwnerAccountExamples.CONTACT;
import static estate.domain.owners.OwnerAccountExamples.ESTATE;
import static estate.domain.owners.OwnerAccountExamples.FLAT;
import static estate.domain.owners.OwnerAccountExamples.accountClosed;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

class ContactDetailsTest {

    private static final ContactDetails NEW_PHONE = new ContactDetails("Wang Fang", "+86 139 0021 0000",
            "wang.fang@example.com");

    @Test
    void changesContactDetails() {
        fixture().given(accountOpened())
                .when(new ChangeContactDetails(ACCOUNT, NEW_PHONE))
                .expectEvents(new ContactDetailsChanged(ACCOUNT, ESTATE, NEW_PHONE));
    }

    @Test
    void comparesWithTheLatestContactDetails() {
        fixture().given(accountOpened(), new ContactDetailsChanged(ACCOUNT, ESTATE, NEW_PHONE))
                .when(new ChangeContactDetails(ACCOUNT, CONTACT))
                .expectEvents(new ContactDetailsChanged(ACCOUNT, ESTATE, CONTACT));
    }

    @Test
    void rejectsContactDetailsThatAreAlreadyOnTheAccount() {
        ContactDetails sameButPadded = new ContactDetails(" Wang Fang ", "+86 138 0013 8000",
                "wang.fang@example.com ");

        fixture().given(accountOpened())
                .when(new ChangeContactDetails(ACCOUNT, sameButPadded))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "contact-unchanged"));
    }

    @Test
    void rejectsContactChangeOnAClosedAccount() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(new ChangeContactDetails(ACCOUNT, NEW_PHONE))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }

    @Test
    void linksThePortalUser() {
        fixture().given(accountOpened())
                .when(new LinkPortalUser(ACCOUNT, "wangfang"))
                .expectEvents(new PortalUserLinked(ACCOUNT, ESTATE, "wangfang"));
    }

    @Test
    void rejectsLinkingAPortalUserToAClosedAccount() {
        fixture().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(new LinkPortalUser(ACCOUNT, "wangfang"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "account-closed"));
    }
}

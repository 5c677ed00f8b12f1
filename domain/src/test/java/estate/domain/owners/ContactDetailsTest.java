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
import static estate.domain.owners.OwnerAccountExamples.scenario;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;

class ContactDetailsTest {

    private static final ContactDetails NEW_PHONE = new ContactDetails("Wang Fang", "+86 139 0021 0000",
            "wang.fang@example.com");

    @Test
    void changesContactDetails() {
        scenario().given(accountOpened())
                .when(new ChangeContactDetails(ACCOUNT, NEW_PHONE))
                .expectEvents(new ContactDetailsChanged(ACCOUNT, ESTATE, NEW_PHONE));
    }

    @Test
    void comparesWithTheLatestContactDetails() {
        scenario().given(accountOpened(), new ContactDetailsChanged(ACCOUNT, ESTATE, NEW_PHONE))
                .when(new ChangeContactDetails(ACCOUNT, CONTACT))
                .expectEvents(new ContactDetailsChanged(ACCOUNT, ESTATE, CONTACT));
    }

    @Test
    void rejectsContactDetailsThatAreAlreadyOnTheAccount() {
        ContactDetails sameButPadded = new ContactDetails(" Wang Fang ", "+86 138 0013 8000",
                "wang.fang@example.com ");

        scenario().given(accountOpened())
                .when(new ChangeContactDetails(ACCOUNT, sameButPadded))
                .expectRuleViolation(UNPROCESSABLE, "contact-unchanged");
    }

    @Test
    void rejectsContactChangeOnAClosedAccount() {
        scenario().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(new ChangeContactDetails(ACCOUNT, NEW_PHONE))
                .expectRuleViolation(CONFLICT, "account-closed");
    }

    @Test
    void linksThePortalUser() {
        scenario().given(accountOpened())
                .when(new LinkPortalUser(ACCOUNT, "wangfang"))
                .expectEvents(new PortalUserLinked(ACCOUNT, ESTATE, "wangfang"));
    }

    @Test
    void rejectsLinkingAPortalUserToAClosedAccount() {
        scenario().given(accountOpened(), accountClosed(ACCOUNT, ESTATE, FLAT))
                .when(new LinkPortalUser(ACCOUNT, "wangfang"))
                .expectRuleViolation(CONFLICT, "account-closed");
    }
}

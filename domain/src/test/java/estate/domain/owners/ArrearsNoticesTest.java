package estate.domain.owners;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static estate.domain.owners.LedgerExamples.DECEMBER_DUE;
import static estate.domain.owners.LedgerExamples.NO_LATE_FEE;
import static estate.domain.owners.LedgerExamples.allocated;
import static estate.domain.owners.LedgerExamples.assess;
import static estate.domain.owners.LedgerExamples.charged;
import static estate.domain.owners.LedgerExamples.overdue;
import static estate.domain.owners.LedgerExamples.pay;
import static estate.domain.owners.LedgerExamples.principal;
import static estate.domain.owners.LedgerExamples.received;
import static estate.domain.owners.LedgerExamples.reminder;
import static estate.domain.owners.OwnerAccountExamples.accountOpened;
import static estate.domain.owners.OwnerAccountExamples.fixture;

/**
 * The daily arrears run tells when a charge becomes overdue (the day after its due date) and when it has been
 * overdue 30, 60 and 90 days, each once. Late fees are off here ({@link LedgerExamples#NO_LATE_FEE}).
 */
class ArrearsNoticesTest {

    private static LocalDate overdueDay(int days) {
        return DECEMBER_DUE.plusDays(days);
    }

    @Test
    void nothingIsOverdueOnTheDueDate() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(assess(DECEMBER_DUE, NO_LATE_FEE))
                .expectNoEvents();
    }

    @Test
    void aChargeUnpaidTheDayAfterItsDueDateIsOverdue() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(1), NO_LATE_FEE))
                .expectEvents(overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)));
    }

    @Test
    void theOverdueNoticeNamesWhatIsStillOutstanding() {
        LocalDate paidOn = DECEMBER_DUE.minusDays(5);
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "400.00", paidOn), allocated("P1", "0.00", paidOn, principal("C1", "400.00")))
                .when(assess(overdueDay(1), NO_LATE_FEE))
                .expectEvents(overdue("C1", DECEMBER_DUE, "600.00", overdueDay(1)));
    }

    @Test
    void remindsOnTheThirtiethDayOverdue() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(29), NO_LATE_FEE))
                .when(assess(overdueDay(30), NO_LATE_FEE))
                .expectEvents(reminder("C1", DECEMBER_DUE, 30, "1000.00", overdueDay(30)));
    }

    @Test
    void aRunAfterSeveralDaysGivesEachNoticeWithItsOwnDay() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(95), NO_LATE_FEE))
                .expectEvents(overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)),
                        reminder("C1", DECEMBER_DUE, 30, "1000.00", overdueDay(30)),
                        reminder("C1", DECEMBER_DUE, 60, "1000.00", overdueDay(60)),
                        reminder("C1", DECEMBER_DUE, 90, "1000.00", overdueDay(90)));
    }

    @Test
    void aReminderNamesWhatIsOutstandingOnItsDay() {
        LocalDate paidOn = overdueDay(40);
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(30), NO_LATE_FEE), pay("P1", "250.00", paidOn))
                .when(assess(overdueDay(60), NO_LATE_FEE))
                .expectEvents(reminder("C1", DECEMBER_DUE, 60, "750.00", overdueDay(60)));
    }

    @Test
    void remindsNoMoreAfterNinetyDays() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(90), NO_LATE_FEE))
                .when(assess(overdueDay(200), NO_LATE_FEE))
                .expectNoEvents();
    }

    @Test
    void aSecondRunForTheSameDayGivesNoNoticeAgain() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(30), NO_LATE_FEE))
                .when(assess(overdueDay(30), NO_LATE_FEE))
                .expectNoEvents();
    }

    @Test
    void aChargePaidByItsDueDateIsNeverOverdue() {
        LocalDate paidOn = DECEMBER_DUE;
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE),
                        received("P1", "1000.00", paidOn), allocated("P1", "0.00", paidOn, principal("C1", "1000.00")))
                .when(assess(overdueDay(95), NO_LATE_FEE))
                .expectNoEvents();
    }

    @Test
    void aChargePaidAfterBecomingOverdueGetsNoReminder() {
        fixture().given(accountOpened(), charged("C1", "1000.00", DECEMBER_DUE))
                .andGivenCommands(assess(overdueDay(1), NO_LATE_FEE), pay("P1", "1000.00", overdueDay(10)))
                .when(assess(overdueDay(95), NO_LATE_FEE))
                .expectNoEvents();
    }

    @Test
    void eachOverdueChargeHasItsOwnNotices() {
        LocalDate novemberDue = LedgerExamples.NOVEMBER_DUE;
        fixture().given(accountOpened(), charged("NOV", "200.00", novemberDue), charged("C1", "1000.00", DECEMBER_DUE))
                .when(assess(overdueDay(1), NO_LATE_FEE))
                .expectEvents(overdue("NOV", novemberDue, "200.00", novemberDue.plusDays(1)),
                        reminder("NOV", novemberDue, 30, "200.00", novemberDue.plusDays(30)),
                        overdue("C1", DECEMBER_DUE, "1000.00", overdueDay(1)));
    }
}

package estate.domain.workorders;

import java.time.LocalDate;

/** How often an inspection plan falls due. */
public enum Frequency {
    WEEKLY(0, 1), MONTHLY(1, 0), QUARTERLY(3, 0), HALF_YEARLY(6, 0), YEARLY(12, 0);

    private final int months;
    private final int weeks;

    Frequency(int months, int weeks) {
        this.months = months;
        this.weeks = weeks;
    }

    /**
     * The {@code n}-th due date (0 is the first) counted from the first, not from the previous one, so that a
     * plan first due on 31 January is due on the last day of each shorter month and on the 31st again after.
     */
    public LocalDate dueDate(LocalDate firstDue, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        return weeks > 0 ? firstDue.plusWeeks((long) weeks * n) : firstDue.plusMonths((long) months * n);
    }
}

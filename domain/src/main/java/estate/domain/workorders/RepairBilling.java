package estate.domain.workorders;

import estate.domain.owners.ChargeId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * How a paid repair is billed to the reporter's account: one charge per work order (its id derived from the work
 * order's, so that delivering the request twice charges once), in the month of completion, due
 * {@value #PAYMENT_TERM_DAYS} days after it (both in the estate's time zone).
 */
public final class RepairBilling {

    public static final String FEE_ITEM = "REPAIR";
    public static final int PAYMENT_TERM_DAYS = 30;
    /** The longest description a ledger charge takes. */
    public static final int MAX_DESCRIPTION = 500;

    private RepairBilling() {
    }

    public static ChargeId chargeIdFor(WorkOrderId workOrderId) {
        return ChargeId.of("repair:" + workOrderId.value());
    }

    public static YearMonth period(Instant completedAt, ZoneId zone) {
        return YearMonth.from(completedAt.atZone(zone));
    }

    public static LocalDate dueDate(Instant completedAt, ZoneId zone) {
        return completedAt.atZone(zone).toLocalDate().plusDays(PAYMENT_TERM_DAYS);
    }

    /** What the ledger line says: the order, its category and place, and what was reported, cut to fit. */
    public static String description(WorkOrderId workOrderId, Category category, Location location,
                                     String reported) {
        String line = "Repair " + workOrderId + " (" + category + ", " + location.label() + "): " + reported;
        return line.length() <= MAX_DESCRIPTION ? line : line.substring(0, MAX_DESCRIPTION - 1) + "…";
    }
}

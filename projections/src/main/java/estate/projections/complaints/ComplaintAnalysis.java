package estate.projections.complaints;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An estate's complaint analysis. Counts by category, building ({@code "unknown"} when none was given), channel and
 * month of receipt (UTC). Times are whole minutes from receipt to the first response and to the first resolution,
 * over the complaints that got there; median and p90 by nearest rank (null when none). {@code reopenRate}: resolved
 * complaints reopened at least once / resolved complaints, four decimals (null when none resolved).
 * {@code repeatComplainants}: accounts with two or more complaints, most first.
 */
public record ComplaintAnalysis(String estateId, int complaints, Map<String, Long> byCategory,
                                Map<String, Long> byBuilding, Map<String, Long> byChannel, Map<String, Long> byMonth,
                                Times responseMinutes, Times resolutionMinutes, int resolved, int reopened,
                                BigDecimal reopenRate, int repeatComplaints, List<Complainant> repeatComplainants) {

    public record Times(int count, Long median, Long p90) {
    }

    public record Complainant(String accountId, long complaints) {
    }
}

package estate.projections.workorders;

import java.util.List;

/**
 * Faults of an estate over months {@code from}..{@code to}: counts by place, category and month, and the places
 * with repeat faults (two or more), most first.
 */
public record RecurringProblems(String estateId, String from, String to, int total, List<ProblemCount> counts,
                                List<RepeatLocation> repeatLocations) {

    public record ProblemCount(String locationKey, String locationLabel, String category, String month, int count) {
    }

    public record RepeatLocation(String locationKey, String locationLabel, int count, List<String> categories,
                                 String firstMonth, String lastMonth) {
    }
}

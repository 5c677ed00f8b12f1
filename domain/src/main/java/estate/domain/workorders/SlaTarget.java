package estate.domain.workorders;

import java.util.Objects;

/** How many minutes an order of this priority may take to be accepted (response) and to be completed (resolution). */
public record SlaTarget(Priority priority, int responseMinutes, int resolutionMinutes) {

    public SlaTarget {
        Objects.requireNonNull(priority, "priority");
    }
}

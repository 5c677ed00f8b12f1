package estate.domain.workorders;

import estate.domain.shared.Checks;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An estate's maintenance service terms: per priority, the response and resolution targets; whether putting work
 * on hold (e.g. waiting for parts) stops the resolution clock; and for how many days after completion the reporter
 * may reopen an order whose fault returns. Targets are kept in priority order, one per priority.
 */
public record ServiceTerms(List<SlaTarget> targets, boolean holdPausesClock, int reopenWindowDays) {

    /** The terms of an estate that has set none: emergency 30 min / 4 h, urgent 2 h / 24 h, normal 24 h / 3 days, low 3 / 7 days. */
    public static final ServiceTerms DEFAULT = new ServiceTerms(List.of(
            new SlaTarget(Priority.EMERGENCY, 30, 4 * 60),
            new SlaTarget(Priority.URGENT, 2 * 60, 24 * 60),
            new SlaTarget(Priority.NORMAL, 24 * 60, 3 * 24 * 60),
            new SlaTarget(Priority.LOW, 3 * 24 * 60, 7 * 24 * 60)), false, 7);

    public ServiceTerms {
        targets = Checks.list(targets, "targets").stream()
                .sorted(Comparator.comparing(SlaTarget::priority)).toList();
        Set<Priority> named = EnumSet.noneOf(Priority.class);
        for (SlaTarget target : targets) {
            if (!named.add(target.priority())) {
                throw new IllegalArgumentException("Priority " + target.priority() + " has two targets");
            }
        }
        if (named.size() != Priority.values().length) {
            throw new IllegalArgumentException("Every priority needs a target: " + EnumSet.allOf(Priority.class));
        }
    }

    public SlaTarget target(Priority priority) {
        return targets.get(priority.ordinal());
    }

    public ServiceLevel levelFor(Priority priority) {
        SlaTarget target = target(priority);
        return new ServiceLevel(target.responseMinutes(), target.resolutionMinutes(), holdPausesClock,
                reopenWindowDays);
    }
}

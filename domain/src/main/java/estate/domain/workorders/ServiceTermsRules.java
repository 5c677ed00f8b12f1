package estate.domain.workorders;

import estate.domain.shared.DomainRuleViolation;

/** What makes an estate's service terms acceptable. */
public final class ServiceTermsRules {

    /** One year: no target is longer. */
    public static final int MAX_MINUTES = 366 * 24 * 60;
    public static final int MAX_REOPEN_WINDOW_DAYS = 90;

    private ServiceTermsRules() {
    }

    /**
     * Each target is 1 minute to a year; a response target is no longer than its resolution target; a more urgent
     * priority never gets more time than a less urgent one; the reopen window is 0 to 90 days.
     */
    public static void requireSensible(ServiceTerms terms) {
        SlaTarget previous = null;
        for (SlaTarget target : terms.targets()) {
            if (target.responseMinutes() < 1 || target.resolutionMinutes() < 1
                    || target.responseMinutes() > MAX_MINUTES || target.resolutionMinutes() > MAX_MINUTES) {
                throw invalid(target.priority() + " targets must be between 1 minute and one year");
            }
            if (target.responseMinutes() > target.resolutionMinutes()) {
                throw invalid(target.priority() + " response target is longer than its resolution target");
            }
            if (previous != null && (target.responseMinutes() < previous.responseMinutes()
                    || target.resolutionMinutes() < previous.resolutionMinutes())) {
                throw invalid(target.priority() + " has shorter targets than the more urgent " + previous.priority());
            }
            previous = target;
        }
        if (terms.reopenWindowDays() < 0 || terms.reopenWindowDays() > MAX_REOPEN_WINDOW_DAYS) {
            throw new DomainRuleViolation("invalid-reopen-window",
                    "The reopen window is 0 to " + MAX_REOPEN_WINDOW_DAYS + " days");
        }
    }

    private static DomainRuleViolation invalid(String message) {
        return new DomainRuleViolation("invalid-sla-target", message);
    }
}

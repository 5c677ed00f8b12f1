package estate.domain.complaints;

import estate.domain.shared.Checks;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An estate's customer-care terms: rapid-response targets per category (a category without one gets
 * {@link #DEFAULT_TARGET}) and when customer service makes a return visit.
 */
public record CareTerms(List<ResponseTarget> targets, ReturnVisitPolicy returnVisitPolicy) {

    /** 30 minutes to acknowledge, 48 hours to resolve. */
    public static final int DEFAULT_ACKNOWLEDGE_MINUTES = 30;
    public static final int DEFAULT_RESOLVE_MINUTES = 48 * 60;
    public static final CareTerms DEFAULT = new CareTerms(List.of(), ReturnVisitPolicy.ALWAYS);

    public CareTerms {
        targets = Checks.list(targets, "targets").stream()
                .sorted(Comparator.comparing(ResponseTarget::category)).toList();
        Objects.requireNonNull(returnVisitPolicy, "returnVisitPolicy");
        Set<ComplaintCategory> named = EnumSet.noneOf(ComplaintCategory.class);
        for (ResponseTarget target : targets) {
            if (!named.add(target.category())) {
                throw new IllegalArgumentException("Category " + target.category() + " has two targets");
            }
        }
    }

    public ResponseTarget targetFor(ComplaintCategory category) {
        return targets.stream().filter(t -> t.category() == category).findFirst()
                .orElse(new ResponseTarget(category, DEFAULT_ACKNOWLEDGE_MINUTES, DEFAULT_RESOLVE_MINUTES));
    }
}

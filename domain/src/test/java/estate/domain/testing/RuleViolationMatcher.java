package estate.domain.testing;

import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.DomainRuleViolation.Kind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Objects;

/**
 * Matches a {@link DomainRuleViolation} (or a subclass, such as {@code Money.CurrencyMismatchException}) of exactly
 * this {@link Kind} and {@code code}: the two things the API turns into a status and a problem type. For an
 * {@code AggregateTestFixture}: {@code .expectNoEvents().expectException(violation(CONFLICT, "account-closed"))}.
 */
public final class RuleViolationMatcher extends TypeSafeDiagnosingMatcher<DomainRuleViolation> {

    private final Kind kind;
    private final String code;

    private RuleViolationMatcher(Kind kind, String code) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
    }

    public static Matcher<DomainRuleViolation> violation(Kind kind, String code) {
        return new RuleViolationMatcher(kind, code);
    }

    @Override
    protected boolean matchesSafely(DomainRuleViolation violation, Description mismatch) {
        if (kind == violation.kind() && code.equals(violation.code())) {
            return true;
        }
        mismatch.appendText("was a rule violation of kind ").appendValue(violation.kind())
                .appendText(" with code ").appendValue(violation.code())
                .appendText(": ").appendText(String.valueOf(violation.getMessage()));
        return false;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a rule violation of kind ").appendValue(kind)
                   .appendText(" with code ").appendValue(code);
    }
}

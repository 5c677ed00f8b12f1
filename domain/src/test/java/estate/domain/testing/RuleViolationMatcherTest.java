package estate.domain.testing;

import estate.domain.shared.DomainRuleViolation;
import estate.domain.shared.Money;
import org.hamcrest.Matcher;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Test;

import java.util.Currency;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;
import static org.assertj.core.api.Assertions.assertThat;

/** The matcher the aggregate tests check rejections with must fail on anything but the exact kind and code. */
class RuleViolationMatcherTest {

    private static final DomainRuleViolation ACCOUNT_CLOSED =
            DomainRuleViolation.conflict("account-closed", "Account A1 is closed");

    @Test
    void matchesTheExactKindAndCode() {
        assertThat(violation(CONFLICT, "account-closed").matches(ACCOUNT_CLOSED)).isTrue();
    }

    @Test
    void matchesASubclassOfDomainRuleViolation() {
        Money.CurrencyMismatchException mismatch = new Money.CurrencyMismatchException(Currency.getInstance("CNY"),
                Currency.getInstance("USD"));

        assertThat(violation(UNPROCESSABLE, "currency-mismatch").matches(mismatch)).isTrue();
    }

    @Test
    void doesNotMatchAnotherCode() {
        assertThat(violation(CONFLICT, "duplicate-charge").matches(ACCOUNT_CLOSED)).isFalse();
    }

    @Test
    void doesNotMatchAnotherKind() {
        assertThat(violation(UNPROCESSABLE, "account-closed").matches(ACCOUNT_CLOSED)).isFalse();
        assertThat(violation(NOT_FOUND, "account-closed").matches(ACCOUNT_CLOSED)).isFalse();
    }

    @Test
    void doesNotMatchAnotherExceptionOrNothing() {
        Matcher<DomainRuleViolation> matcher = violation(CONFLICT, "account-closed");

        assertThat(matcher.matches(new IllegalArgumentException("account-closed"))).isFalse();
        assertThat(matcher.matches(null)).isFalse();
    }

    @Test
    void describesTheExpectedAndTheActualViolation() {
        Matcher<DomainRuleViolation> matcher = violation(UNPROCESSABLE, "account-closed");
        StringDescription mismatch = new StringDescription();
        matcher.describeMismatch(ACCOUNT_CLOSED, mismatch);

        assertThat(StringDescription.toString(matcher))
                .isEqualTo("a rule violation of kind <UNPROCESSABLE> with code \"account-closed\"");
        assertThat(mismatch).hasToString(
                "was a rule violation of kind <CONFLICT> with code \"account-closed\": Account A1 is closed");
    }
}

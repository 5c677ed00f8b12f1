package estate.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MoneyTest {

    private static final Currency CNY = Currency.getInstance("CNY");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static Money cny(String amount) {
        return Money.of(amount, "CNY");
    }

    @ParameterizedTest(name = "{0} CNY is {1} CNY")
    @CsvSource({
            "1.005, 1.00",
            "1.015, 1.02",
            "1.025, 1.02",
            "1.0051, 1.01",
            "-1.005, -1.00",
            "-1.015, -1.02",
            "7, 7.00",
            "7.1, 7.10",
            "7.100, 7.10"
    })
    void roundsToFenHalfEven(String amount, String expected) {
        Money money = cny(amount);

        assertThat(money.amount()).isEqualTo(new BigDecimal(expected));
        assertThat(money.amount().scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} JPY is {1} JPY")
    @CsvSource({"2.5, 2", "3.5, 4", "100, 100"})
    void roundsToWholeYenHalfEven(String amount, String expected) {
        assertThat(Money.of(amount, "JPY").amount()).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void amountsThatDifferOnlyInTrailingZerosAreEqual() {
        assertThat(cny("12.3")).isEqualTo(cny("12.300")).hasSameHashCodeAs(cny("12.300"));
        assertThat(cny("12.3")).isEqualByComparingTo(cny("12.30"));
    }

    @Test
    void zeroIsAtTheScaleOfTheCurrency() {
        assertThat(Money.zero(CNY)).isEqualTo(cny("0.00"));
        assertThat(Money.zero(CNY).amount().scale()).isEqualTo(2);
        assertThat(Money.zero(CNY).isZero()).isTrue();
    }

    @Test
    void addsAndSubtractsInTheSameCurrency() {
        assertThat(cny("1280.50").plus(cny("35.05"))).isEqualTo(cny("1315.55"));
        assertThat(cny("1280.50").minus(cny("1300"))).isEqualTo(cny("-19.50"));
    }

    @Test
    void negates() {
        assertThat(cny("19.50").negate()).isEqualTo(cny("-19.50"));
        assertThat(cny("-19.50").negate()).isEqualTo(cny("19.50"));
        assertThat(Money.zero(CNY).negate()).isEqualTo(Money.zero(CNY));
    }

    @Test
    void tellsTheSignOfTheAmount() {
        assertThat(cny("0.01").isPositive()).isTrue();
        assertThat(cny("0.01").isNegative()).isFalse();
        assertThat(cny("-0.01").isNegative()).isTrue();
        assertThat(cny("-0.01").isPositive()).isFalse();
        assertThat(cny("0.004").isZero()).isTrue();
    }

    @Test
    void ordersAmountsOfTheSameCurrency() {
        assertThat(cny("9.99")).isLessThan(cny("10.00"));
        assertThat(cny("-1.00")).isLessThan(Money.zero(CNY));
    }

    @Test
    void refusesToAddAnotherCurrency() {
        Money.CurrencyMismatchException mismatch = catchThrowableOfType(Money.CurrencyMismatchException.class,
                () -> cny("10.00").plus(Money.of("10.00", "USD")));

        assertThat(mismatch).isInstanceOf(DomainRuleViolation.class);
        assertThat(mismatch.code()).isEqualTo("currency-mismatch");
        assertThat(mismatch.kind()).isEqualTo(DomainRuleViolation.Kind.UNPROCESSABLE);
    }

    @Test
    void refusesToSubtractAnotherCurrency() {
        Money.CurrencyMismatchException mismatch = catchThrowableOfType(Money.CurrencyMismatchException.class,
                () -> cny("10.00").minus(Money.of("10", "JPY")));

        assertThat(mismatch.code()).isEqualTo("currency-mismatch");
    }

    @Test
    void refusesToCompareWithAnotherCurrency() {
        Money.CurrencyMismatchException mismatch = catchThrowableOfType(Money.CurrencyMismatchException.class,
                () -> cny("10.00").compareTo(Money.of("10.00", "USD")));

        assertThat(mismatch.code()).isEqualTo("currency-mismatch");
    }

    @Test
    void amountsOfDifferentCurrenciesAreNotEqual() {
        assertThat(cny("10.00")).isNotEqualTo(Money.of("10.00", "USD"));
    }

    @ParameterizedTest(name = "{0} CNY fits: {1}")
    @CsvSource({
            "100, true",
            "1E+3, true",
            "1.5, true",
            "1.50, true",
            "1.500, true",
            "0.01, true",
            "1.005, false",
            "0.001, false"
    })
    void fitsScaleWhenNoRoundingToFenIsNeeded(String amount, boolean fits) {
        assertThat(Money.fitsScale(new BigDecimal(amount), CNY)).isEqualTo(fits);
    }

    @ParameterizedTest(name = "{0} JPY fits: {1}")
    @CsvSource({"100, true", "100.00, true", "1.5, false"})
    void fitsScaleOfACurrencyWithoutMinorUnits(String amount, boolean fits) {
        assertThat(Money.fitsScale(new BigDecimal(amount), JPY)).isEqualTo(fits);
    }

    /** XXX (no currency), XAU (gold), XDR (SDR) and XTS (testing) have no minor unit, so no scale to round to. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"XXX", "XAU", "XDR", "XTS"})
    void rejectsACurrencyWithoutAMinorUnit(String code) {
        Currency noMinorUnit = Currency.getInstance(code);

        assertThatIllegalArgumentException().isThrownBy(() -> new Money(new BigDecimal("10.00"), noMinorUnit))
                .withMessageContaining(code);
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("10", code));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.zero(noMinorUnit));
    }

    @Test
    void printsAmountAndCurrencyCode() {
        assertThat(cny("1280.5")).hasToString("1280.50 CNY");
        assertThat(cny("1E+3")).hasToString("1000.00 CNY");
    }
}

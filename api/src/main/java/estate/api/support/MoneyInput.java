package estate.api.support;

import estate.api.errors.ApiException;
import estate.domain.shared.Money;

import java.math.BigDecimal;
import java.util.Currency;

/** Parses an amount and an ISO currency from a request, refusing amounts finer than the currency's minor unit. */
public final class MoneyInput {

    /** No property fee, payment or budget line comes near this; it keeps absurd numbers out cheaply. */
    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    private MoneyInput() {
    }

    public static Currency currency(String currencyCode) {
        try {
            Currency currency = Currency.getInstance(currencyCode);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException(currencyCode);
            }
            return currency;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.badRequest("invalid-currency", "Currency must be an ISO 4217 code such as CNY");
        }
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        Currency currency = currency(currencyCode);
        if (amount == null || amount.abs().compareTo(MAX) > 0 || !Money.fitsScale(amount, currency)) {
            throw ApiException.badRequest("invalid-amount", "The amount must be at most 1,000,000,000,000 with at most "
                    + currency.getDefaultFractionDigits() + " decimals in " + currency.getCurrencyCode());
        }
        return new Money(amount, currency);
    }
}

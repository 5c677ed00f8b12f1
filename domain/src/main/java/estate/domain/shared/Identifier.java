package estate.domain.shared;

import java.util.Objects;

/**
 * A typed identifier whose JSON and {@code toString()} form is its raw value.
 * Implementations are records with one {@code String value} component.
 */
public interface Identifier {

    String value();

    /** Checks the shape every identifier shares: 1-128 characters of letters, digits, '.', '_', ':' or '-'. */
    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!hasShape(value)) {
            throw new IllegalArgumentException(name + " must be 1-128 letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }

    /**
     * True if {@code value} is 1-128 ASCII letters, digits, '.', '_', ':' or '-' and starts with a letter or digit
     * (the regular expression {@code [A-Za-z0-9][A-Za-z0-9._:-]{0,127}}, checked by hand: every identifier of every
     * event read from the log passes here, and the regular expression's matcher was 5 % of a bill run's posting).
     */
    static boolean hasShape(String value) {
        int length = value.length();
        if (length == 0 || length > 128 || !isLetterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = value.charAt(i);
            if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}

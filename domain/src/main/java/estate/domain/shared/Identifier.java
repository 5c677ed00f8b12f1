package estate.domain.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed identifier whose JSON and {@code toString()} form is its raw value.
 * Implementations are records with one {@code String value} component.
 */
public interface Identifier {

    Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    String value();

    /** Checks the shape every identifier shares: 1-128 characters of letters, digits, '.', '_', ':' or '-'. */
    static String require(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 1-128 letters, digits, '.', '_', ':' or '-'");
        }
        return value;
    }
}

package estate.domain.shared;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Shape checks for message records' compact constructors. */
public final class Checks {

    private Checks() {
    }

    public static String text(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (trimmed.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public static String optionalText(String value, String name, int maxLength) {
        return value == null || value.isBlank() ? null : text(value, name, maxLength);
    }

    public static <T> List<T> list(Collection<T> values, String name) {
        Objects.requireNonNull(values, name);
        return List.copyOf(values);
    }

    public static <T> Set<T> set(Collection<T> values, String name) {
        Objects.requireNonNull(values, name);
        return Set.copyOf(values);
    }

    public static <T> T present(T value, String name) {
        return Objects.requireNonNull(value, name);
    }
}

package estate.domain.shared;

import java.util.Objects;

/**
 * A command broke a business rule. The {@link #code()} is stable and part of the API contract;
 * the {@link #kind()} says how the API answers (409 for a conflict with current state,
 * 422 for a request the rules can never accept, 404 for something that does not exist).
 */
public class DomainRuleViolation extends RuntimeException {

    public enum Kind { CONFLICT, UNPROCESSABLE, NOT_FOUND }

    private final String code;
    private final Kind kind;

    public DomainRuleViolation(String code, String message) {
        this(code, Kind.UNPROCESSABLE, message);
    }

    public DomainRuleViolation(String code, Kind kind, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public static DomainRuleViolation conflict(String code, String message) {
        return new DomainRuleViolation(code, Kind.CONFLICT, message);
    }

    public static DomainRuleViolation notFound(String code, String message) {
        return new DomainRuleViolation(code, Kind.NOT_FOUND, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** What crosses a process boundary (Axon Server) when a command is rejected: the code and the kind. */
    public Details details() {
        return new Details(code, kind);
    }

    public record Details(String code, Kind kind) {
    }
}

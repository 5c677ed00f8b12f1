package estate.domain.complaints.surveys;

import java.util.List;
import java.util.Objects;

/**
 * One question of a survey. {@code options}: the choices of a SINGLE_CHOICE question, else empty;
 * {@code category}: what it asks about (e.g. {@code CLEANING}), optional, for results per category.
 */
public record Question(String questionId, QuestionType type, String text, List<String> options, String category) {
    public Question {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        options = options == null ? List.of() : List.copyOf(options);
    }
}

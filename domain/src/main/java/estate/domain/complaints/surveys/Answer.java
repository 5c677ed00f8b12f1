package estate.domain.complaints.surveys;

import java.util.Objects;

/** An answer to one question: {@code rating} for RATING, {@code choice} for SINGLE_CHOICE, {@code text} for FREE_TEXT. */
public record Answer(String questionId, Integer rating, String choice, String text) {
    public Answer {
        Objects.requireNonNull(questionId, "questionId");
    }

    public static Answer rating(String questionId, int rating) {
        return new Answer(questionId, rating, null, null);
    }

    public static Answer choice(String questionId, String choice) {
        return new Answer(questionId, null, choice, null);
    }

    public static Answer text(String questionId, String text) {
        return new Answer(questionId, null, null, text);
    }
}

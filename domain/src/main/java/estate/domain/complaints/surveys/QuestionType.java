package estate.domain.complaints.surveys;

/** RATING: 1 to 5; SINGLE_CHOICE: one of the question's options; FREE_TEXT: optional text, staff only. */
public enum QuestionType { RATING, SINGLE_CHOICE, FREE_TEXT }

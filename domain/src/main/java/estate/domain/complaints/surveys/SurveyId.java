package estate.domain.complaints.surveys;

import estate.domain.shared.Identifier;

public record SurveyId(String value) implements Identifier {
    public SurveyId {
        Identifier.require(value, "SurveyId");
    }

    public static SurveyId of(String value) {
        return new SurveyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

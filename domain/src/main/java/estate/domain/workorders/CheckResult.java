package estate.domain.workorders;

import estate.domain.shared.Checks;

/** The outcome of one item of an inspection checklist; a failed item says what is wrong. */
public record CheckResult(String item, boolean passed, String note) {

    public CheckResult {
        item = Checks.text(item, "item", 200);
        note = Checks.optionalText(note, "note", 1000);
        if (!passed && note == null) {
            throw new IllegalArgumentException("A failed check item needs a note saying what is wrong");
        }
    }
}

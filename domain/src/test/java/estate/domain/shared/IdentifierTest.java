package estate.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentifierTest {

    /** The shape as a regular expression, as it was checked before the hand-written check replaced it. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

    @Test
    void theShapeIsOneTo128LettersDigitsAndFourMarksStartingWithALetterOrDigit() {
        assertThat(Identifier.hasShape("a")).isTrue();
        assertThat(Identifier.hasShape("bench-e1:unit_2.3")).isTrue();
        assertThat(Identifier.hasShape("0" + "x".repeat(127))).isTrue();
        assertThat(Identifier.hasShape("0" + "x".repeat(128))).isFalse();
        assertThat(Identifier.hasShape("")).isFalse();
        assertThat(Identifier.hasShape("-a")).isFalse();
        assertThat(Identifier.hasShape(".a")).isFalse();
        assertThat(Identifier.hasShape("a b")).isFalse();
        assertThat(Identifier.hasShape("a/b")).isFalse();
        assertThat(Identifier.hasShape("单元1")).isFalse();
        assertThat(Identifier.hasShape("a\n")).isFalse();
    }

    @Test
    void theHandWrittenCheckAgreesWithTheRegularExpression() {
        String valid = "azAZ09._:-";
        String invalid = "/ @[`{\u00e9\u0000";
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(4) == 0 ? 125 + random.nextInt(6) : random.nextInt(6);
            for (int j = 0; j < length; j++) {
                String from = random.nextInt(300) == 0 ? invalid : valid;
                value.append(from.charAt(random.nextInt(from.length())));
            }
            String text = value.toString();
            assertThat(Identifier.hasShape(text)).as(text).isEqualTo(SHAPE.matcher(text).matches());
        }
    }

    @Test
    void requireNamesTheFieldThatIsWrong() {
        assertThat(Identifier.require("acc-1", "accountId")).isEqualTo("acc-1");
        assertThatThrownBy(() -> Identifier.require("acc 1", "accountId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("accountId must be 1-128 letters, digits, '.', '_', ':' or '-'");
        assertThatThrownBy(() -> Identifier.require(null, "accountId"))
                .isInstanceOf(NullPointerException.class).hasMessage("accountId");
    }
}

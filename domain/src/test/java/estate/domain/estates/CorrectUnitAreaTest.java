package estate.domain.estates;

import estate.domain.estates.EstateCommands.CorrectUnitArea;
import estate.domain.estates.EstateEvent.UnitAreaCorrected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static estate.domain.estates.EstateExamples.ESTATE;
import static estate.domain.estates.EstateExamples.SECOND_UNIT;
import static estate.domain.estates.EstateExamples.UNIT;
import static estate.domain.estates.EstateExamples.buildingAdded;
import static estate.domain.estates.EstateExamples.estateRegistered;
import static estate.domain.estates.EstateExamples.fixture;
import static estate.domain.estates.EstateExamples.unitRegistered;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

class CorrectUnitAreaTest {

    private static final String REASON = "Title deed 2026-0042 states 91.20 m²";

    private static CorrectUnitArea correct(UnitId unitId, String floorArea) {
        return new CorrectUnitArea(ESTATE, unitId, new BigDecimal(floorArea), REASON);
    }

    @Test
    void correctsTheAreaAndRecordsThePreviousArea() {
        fixture().given(estateRegistered(), buildingAdded(), unitRegistered("89.35"))
                .when(correct(UNIT, "91.20"))
                .expectEvents(new UnitAreaCorrected(ESTATE, UNIT, new BigDecimal("89.35"), new BigDecimal("91.20"),
                        REASON));
    }

    @ParameterizedTest(name = "{0} m² is recorded as {1} m²")
    @CsvSource({"91.2, 91.20", "91.200, 91.20", "100000, 100000.00"})
    void recordsTheCorrectedAreaAtScaleTwo(String floorArea, String correctedArea) {
        fixture().given(estateRegistered(), buildingAdded(), unitRegistered("89.35"))
                .when(correct(UNIT, floorArea))
                .expectEvents(new UnitAreaCorrected(ESTATE, UNIT, new BigDecimal("89.35"),
                        new BigDecimal(correctedArea), REASON));
    }

    @Test
    void recordsTheAreaOfTheLatestCorrectionAsThePreviousArea() {
        fixture().given(estateRegistered(), buildingAdded(), unitRegistered("89.35"),
                        new UnitAreaCorrected(ESTATE, UNIT, new BigDecimal("89.35"), new BigDecimal("91.20"), REASON))
                .when(correct(UNIT, "91.02"))
                .expectEvents(new UnitAreaCorrected(ESTATE, UNIT, new BigDecimal("91.20"), new BigDecimal("91.02"),
                        REASON));
    }

    @Test
    void rejectsAUnitThatIsNotInTheEstate() {
        fixture().given(estateRegistered(), buildingAdded(), unitRegistered("89.35"))
                .when(correct(SECOND_UNIT, "91.20"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-unit"));
    }

    @ParameterizedTest(name = "{0} m²")
    @ValueSource(strings = {"89.35", "89.350", "89.3500"})
    void rejectsTheAreaTheUnitHasAlready(String sameArea) {
        fixture().given(estateRegistered(), buildingAdded(), unitRegistered("89.35"))
                .when(correct(UNIT, sameArea))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "area-unchanged"));
    }

    @ParameterizedTest(name = "{0} m²")
    @ValueSource(strings = {"0", "-91.20", "100000.01", "91.205"})
    void rejectsAnInvalidCorrectedArea(String floorArea) {
        fixture().given(estateRegistered(), buildingAdded(), unitRegistered("89.35"))
                .when(correct(UNIT, floorArea))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-area"));
    }
}

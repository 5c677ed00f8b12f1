package estate.domain.estates;

import estate.domain.estates.EstateCommands.RegisterUnit;
import estate.domain.estates.EstateEvent.BuildingAdded;
import estate.domain.estates.EstateEvent.UnitRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static estate.domain.estates.EstateExamples.BUILDING;
import static estate.domain.estates.EstateExamples.ESTATE;
import static estate.domain.estates.EstateExamples.FLOORS;
import static estate.domain.estates.EstateExamples.SECOND_BUILDING;
import static estate.domain.estates.EstateExamples.SECOND_UNIT;
import static estate.domain.estates.EstateExamples.UNIT;
import static estate.domain.estates.EstateExamples.buildingAdded;
import static estate.domain.estates.EstateExamples.estateRegistered;
import static estate.domain.estates.EstateExamples.fixture;
import static estate.domain.estates.EstateExamples.unitRegistered;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.NOT_FOUND;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

class RegisterUnitTest {

    private static RegisterUnit registerUnit(UnitId unitId, BuildingId buildingId, String number, int floor,
                                             String floorArea) {
        return new RegisterUnit(ESTATE, unitId, buildingId, number, floor, new BigDecimal(floorArea),
                UnitUse.RESIDENTIAL);
    }

    /** {@code floorArea} as the event carries it: at scale 2, whatever scale the command had. */
    private static UnitRegistered unitRegisteredAt(int floor, String floorArea) {
        return new UnitRegistered(ESTATE, UNIT, BUILDING, "1-101", floor, new BigDecimal(floorArea),
                UnitUse.RESIDENTIAL);
    }

    @Test
    void registersAUnitInABuildingOfTheEstate() {
        fixture().given(estateRegistered(), buildingAdded())
                .when(registerUnit(UNIT, BUILDING, "1-101", 1, "89.35"))
                .expectEvents(unitRegistered("89.35"));
    }

    @ParameterizedTest(name = "floor {0}")
    @ValueSource(ints = {-5, 0, FLOORS})
    void registersAUnitFromTheLowestBasementToTheTopFloor(int floor) {
        fixture().given(estateRegistered(), buildingAdded())
                .when(registerUnit(UNIT, BUILDING, "1-101", floor, "89.35"))
                .expectEvents(unitRegisteredAt(floor, "89.35"));
    }

    /** The event carries the area at scale 2, so one area has one form in every event (and in equals). */
    @ParameterizedTest(name = "{0} m² is registered as {1} m²")
    @CsvSource({
            "0.01, 0.01",
            "100000, 100000.00",
            "100000.00, 100000.00",
            "89.350, 89.35",
            "1E+2, 100.00"
    })
    void registersAUnitWithAnAreaOfAtMostOneHundredThousandSquareMetresAndTwoDecimals(String floorArea,
                                                                                       String registeredArea) {
        fixture().given(estateRegistered(), buildingAdded())
                .when(registerUnit(UNIT, BUILDING, "1-101", 1, floorArea))
                .expectEvents(unitRegisteredAt(1, registeredArea));
    }

    @Test
    void rejectsABuildingThatIsNotInTheEstate() {
        fixture().given(estateRegistered(), buildingAdded())
                .when(registerUnit(UNIT, SECOND_BUILDING, "2-101", 1, "89.35"))
                .expectNoEvents()
                .expectException(violation(NOT_FOUND, "unknown-building"));
    }

    @Test
    void rejectsAUnitIdUsedAlready() {
        fixture().given(estateRegistered(), buildingAdded(), unitRegistered("89.35"))
                .when(registerUnit(UNIT, BUILDING, "1-102", 1, "75.00"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-unit"));
    }

    @Test
    void rejectsAUnitNumberUsedAlreadyInTheSameBuilding() {
        fixture().given(estateRegistered(), buildingAdded(), unitRegistered("89.35"))
                .when(registerUnit(SECOND_UNIT, BUILDING, "1-101", 1, "89.35"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-number-taken"));
    }

    @Test
    void rejectsAUnitNumberUsedAlreadyInAnotherBuildingOfTheEstate() {
        fixture().given(estateRegistered(), buildingAdded(),
                        new BuildingAdded(ESTATE, SECOND_BUILDING, "Building 2", 6), unitRegistered("89.35"))
                .when(registerUnit(SECOND_UNIT, SECOND_BUILDING, "1-101", 1, "89.35"))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "unit-number-taken"));
    }

    @ParameterizedTest(name = "floor {0}")
    @ValueSource(ints = {-6, FLOORS + 1})
    void rejectsAFloorBelowTheLowestBasementOrAboveTheTopFloor(int floor) {
        fixture().given(estateRegistered(), buildingAdded())
                .when(registerUnit(UNIT, BUILDING, "1-101", floor, "89.35"))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-floor"));
    }

    @ParameterizedTest(name = "{0} m²")
    @ValueSource(strings = {"0", "0.00", "-89.35", "100000.01", "89.355"})
    void rejectsAnAreaThatIsNotPositiveIsAboveOneHundredThousandOrHasThreeDecimals(String floorArea) {
        fixture().given(estateRegistered(), buildingAdded())
                .when(registerUnit(UNIT, BUILDING, "1-101", 1, floorArea))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-area"));
    }
}

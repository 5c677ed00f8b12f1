package estate.domain.estates;

import estate.domain.estates.EstateCommands.AddBuilding;
import estate.domain.estates.EstateCommands.RegisterEstate;
import estate.domain.estates.EstateEvent.BuildingAdded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static estate.domain.estates.EstateExamples.BUILDING;
import static estate.domain.estates.EstateExamples.CNY;
import static estate.domain.estates.EstateExamples.ESTATE;
import static estate.domain.estates.EstateExamples.SECOND_BUILDING;
import static estate.domain.estates.EstateExamples.SHANGHAI;
import static estate.domain.estates.EstateExamples.buildingAdded;
import static estate.domain.estates.EstateExamples.estateRegistered;
import static estate.domain.estates.EstateExamples.fixture;
import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static estate.domain.testing.RuleViolationMatcher.violation;

class EstateRegistrationTest {

    @Test
    void registersAnEstate() {
        fixture().givenNoPriorActivity()
                .when(new RegisterEstate(ESTATE, " Lakeside Gardens ", "88 Binjiang Road, Shanghai", SHANGHAI, CNY))
                .expectEvents(estateRegistered());
    }

    @Test
    void addsABuilding() {
        fixture().given(estateRegistered())
                .when(new AddBuilding(ESTATE, BUILDING, "Building 1", 18))
                .expectEvents(new BuildingAdded(ESTATE, BUILDING, "Building 1", 18));
    }

    @ParameterizedTest(name = "{0} floors")
    @ValueSource(ints = {1, 200})
    void addsABuildingWithTheLowestAndHighestFloorCount(int floors) {
        fixture().given(estateRegistered())
                .when(new AddBuilding(ESTATE, BUILDING, "Building 1", floors))
                .expectEvents(new BuildingAdded(ESTATE, BUILDING, "Building 1", floors));
    }

    @Test
    void addsASecondBuilding() {
        fixture().given(estateRegistered(), buildingAdded())
                .when(new AddBuilding(ESTATE, SECOND_BUILDING, "Building 2", 6))
                .expectEvents(new BuildingAdded(ESTATE, SECOND_BUILDING, "Building 2", 6));
    }

    @Test
    void rejectsABuildingIdUsedAlready() {
        fixture().given(estateRegistered(), buildingAdded())
                .when(new AddBuilding(ESTATE, BUILDING, "Building 1 again", 18))
                .expectNoEvents()
                .expectException(violation(CONFLICT, "duplicate-building"));
    }

    @ParameterizedTest(name = "{0} floors")
    @ValueSource(ints = {0, -1, 201})
    void rejectsAFloorCountOutsideOneToTwoHundred(int floors) {
        fixture().given(estateRegistered())
                .when(new AddBuilding(ESTATE, BUILDING, "Building 1", floors))
                .expectNoEvents()
                .expectException(violation(UNPROCESSABLE, "invalid-floors"));
    }
}

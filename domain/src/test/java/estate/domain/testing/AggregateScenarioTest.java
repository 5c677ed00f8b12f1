package estate.domain.testing;

import estate.domain.estates.BuildingId;
import estate.domain.estates.Estate;
import estate.domain.estates.EstateCommands.AddBuilding;
import estate.domain.estates.EstateEvent;
import estate.domain.estates.EstateEvent.BuildingAdded;
import estate.domain.estates.EstateEvent.EstateRegistered;
import estate.domain.estates.EstateId;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Currency;

import static estate.domain.shared.DomainRuleViolation.Kind.CONFLICT;
import static estate.domain.shared.DomainRuleViolation.Kind.UNPROCESSABLE;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scenario's expectations must fail when the aggregate does something else, or its tests could not fail. */
class AggregateScenarioTest {

    private static final EstateId ESTATE = EstateId.of("E1");
    private static final BuildingId BUILDING = BuildingId.of("B1");
    private static final EstateRegistered REGISTERED = new EstateRegistered(ESTATE, "Lakeside Gardens",
            "88 Binjiang Road", ZoneId.of("Asia/Shanghai"), Currency.getInstance("CNY"));
    private static final AddBuilding ADD_BUILDING = new AddBuilding(ESTATE, BUILDING, "Building 1", 18);
    private static final BuildingAdded BUILDING_ADDED = new BuildingAdded(ESTATE, BUILDING, "Building 1", 18);

    private static AggregateScenario<Estate> scenario() {
        return AggregateScenario.of(Estate.class, EstateEvent.class, event -> event.estateId().value());
    }

    @Test
    void passesOnTheExactEvents() {
        assertThatCode(() -> scenario().given(REGISTERED).when(ADD_BUILDING).expectEvents(BUILDING_ADDED))
                .doesNotThrowAnyException();
    }

    @Test
    void failsOnAnEventWithOtherValues() {
        assertThatThrownBy(() -> scenario().given(REGISTERED).when(ADD_BUILDING)
                .expectEvents(new BuildingAdded(ESTATE, BUILDING, "Building 1", 17)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void failsWhenAnExpectedEventIsMissing() {
        assertThatThrownBy(() -> scenario().given(REGISTERED).when(ADD_BUILDING)
                .expectEvents(BUILDING_ADDED, BUILDING_ADDED))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void failsOnAnEventThatWasNotExpected() {
        assertThatThrownBy(() -> scenario().given(REGISTERED).when(ADD_BUILDING).expectNoEvents())
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void doesNotCountTheEventsOfTheGivenCommands() {
        assertThatCode(() -> scenario().given(REGISTERED)
                .givenCommands(ADD_BUILDING)
                .when(new AddBuilding(ESTATE, BuildingId.of("B2"), "Building 2", 6))
                .expectEvents(new BuildingAdded(ESTATE, BuildingId.of("B2"), "Building 2", 6)))
                .doesNotThrowAnyException();
    }

    @Test
    void failsWhenEventsAreExpectedButTheCommandIsRejected() {
        assertThatThrownBy(() -> scenario().given(REGISTERED, BUILDING_ADDED).when(ADD_BUILDING)
                .expectEvents(BUILDING_ADDED))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("duplicate-building");
    }

    @Test
    void passesOnTheExactRuleViolation() {
        assertThatCode(() -> scenario().given(REGISTERED, BUILDING_ADDED).when(ADD_BUILDING)
                .expectRuleViolation(CONFLICT, "duplicate-building"))
                .doesNotThrowAnyException();
    }

    @Test
    void failsOnAnotherCode() {
        assertThatThrownBy(() -> scenario().given(REGISTERED, BUILDING_ADDED).when(ADD_BUILDING)
                .expectRuleViolation(CONFLICT, "invalid-floors"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void failsOnAnotherKind() {
        assertThatThrownBy(() -> scenario().given(REGISTERED, BUILDING_ADDED).when(ADD_BUILDING)
                .expectRuleViolation(UNPROCESSABLE, "duplicate-building"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void failsWhenARejectionIsExpectedButTheCommandSucceeds() {
        assertThatThrownBy(() -> scenario().given(REGISTERED).when(ADD_BUILDING)
                .expectRuleViolation(CONFLICT, "duplicate-building"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void failsWhenTheCommandFailsWithSomethingOtherThanARuleViolation() {
        assertThatThrownBy(() -> scenario().givenNoPriorActivity().when(ADD_BUILDING)
                .expectRuleViolation(CONFLICT, "duplicate-building"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void failsWhenAGivenCommandIsRejected() {
        assertThatThrownBy(() -> scenario().given(REGISTERED, BUILDING_ADDED).givenCommands(ADD_BUILDING))
                .isInstanceOf(AssertionError.class);
    }
}

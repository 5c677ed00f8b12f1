package estate.domain.workorders;

import estate.domain.estates.UnitId;
import estate.domain.shared.Checks;

import java.util.Locale;

/** Where the fault is: a unit (房屋/单元) or a shared facility of the estate (named, e.g. "Building 3 lift B"). */
public record Location(UnitId unitId, String facility) {

    public Location {
        facility = Checks.optionalText(facility, "facility", 200);
        if ((unitId == null) == (facility == null)) {
            throw new IllegalArgumentException("A location is either a unit or a shared facility");
        }
    }

    public static Location unit(UnitId unitId) {
        return new Location(Checks.present(unitId, "unitId"), null);
    }

    public static Location facility(String facility) {
        return new Location(null, Checks.text(facility, "facility", 200));
    }

    /** One key per place, so that repeat problems at a place can be counted: {@code unit:<id>} or {@code facility:<name>}. */
    public String key() {
        return unitId != null ? "unit:" + unitId.value() : "facility:" + facility.toLowerCase(Locale.ROOT);
    }

    /** How people name the place. */
    public String label() {
        return unitId != null ? "unit " + unitId.value() : facility;
    }
}

package estate.domain.estates;

/** What a unit is used for; fee schedules can price uses differently. */
public enum UnitUse { RESIDENTIAL, COMMERCIAL, OFFICE, PARKING, STORAGE }

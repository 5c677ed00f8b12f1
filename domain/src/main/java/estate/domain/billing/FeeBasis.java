package estate.domain.billing;

/** How a fee item is priced: per m² of floor area per month, a fixed amount per unit per month, or per metered unit. */
public enum FeeBasis { AREA, FIXED, METERED }

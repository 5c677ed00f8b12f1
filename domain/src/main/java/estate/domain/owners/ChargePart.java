package estate.domain.owners;

/** What of a charge an amount settles: the charge itself, or the late fee (滞纳金) accrued on it. */
public enum ChargePart { PRINCIPAL, LATE_FEE }

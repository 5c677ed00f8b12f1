package estate.domain.owners;

/** Whether the account holder owns the units (业主) or rents them (租户). */
public enum HolderType { OWNER, TENANT }

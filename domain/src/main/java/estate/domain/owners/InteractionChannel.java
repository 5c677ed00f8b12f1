package estate.domain.owners;

/** How an interaction with a customer took place. */
public enum InteractionChannel { PHONE, VISIT, FRONT_DESK, APP, EMAIL, LETTER, OWNER_MEETING, OTHER }

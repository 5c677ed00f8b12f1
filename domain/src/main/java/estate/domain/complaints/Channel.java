package estate.domain.complaints;

/** How a complaint reached the company. Only a phone call or a letter may come without a name. */
public enum Channel {
    PHONE, APP, FRONT_DESK, OWNER_MEETING, LETTER;

    public boolean allowsAnonymous() {
        return this == PHONE || this == LETTER;
    }
}

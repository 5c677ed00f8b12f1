package estate.api.support;

import java.util.UUID;

/** New identifiers for records the API creates; the domain takes ids from commands and never makes them. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}

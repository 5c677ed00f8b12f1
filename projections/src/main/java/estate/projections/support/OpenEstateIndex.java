package estate.projections.support;

/**
 * {@value #FIELD}: a read model's field that holds the document's estate while the document is open (a work order
 * still owed, a complaint in the queue, an escalation not yet acknowledged) and null otherwise, with a non-unique
 * index on it, so that a count of an estate's open documents reads those only, not every document the estate ever
 * had. The index is declared with the other read-model indexes ({@code ReadModelIndexes}, created at start and again
 * when a reset drops the collection); the embedded server's backends serve equality queries on it.
 */
public final class OpenEstateIndex {

    public static final String FIELD = "openEstateId";

    private OpenEstateIndex() {
    }

    /** The field's value: the estate while open, else null. */
    public static String of(String estateId, boolean open) {
        return open ? estateId : null;
    }
}

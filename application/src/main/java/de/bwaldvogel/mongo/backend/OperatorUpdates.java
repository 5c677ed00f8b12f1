package de.bwaldvogel.mongo.backend;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Set;

/**
 * mongo-java-server's own update operators, applied to a document the caller chose: estate's
 * {@code IndexedFileBackend} applies an update by operators to a copy of the stored document made along the update's
 * paths, where the library's general path clones the whole stored document twice (once as the old state, once as
 * the new one). The operators themselves ({@code FieldUpdates}, {@code UpdateOperator}) and the check of the
 * update's paths are package-private in the library, hence this class in the library's package (the library's jar
 * and the application share one class loader, in the tests as in the packaged application).
 * <p>
 * Only what the library's general path does to the new document is done here, in the same order: nothing about
 * finding, indexes or storage.
 */
public final class OperatorUpdates {

    /** The operators whose effect is on their own paths only ({@code $rename} and {@code $bit} are left out). */
    private static final Set<String> ON_THEIR_PATHS = Set.of("$set", "$unset", "$inc", "$mul", "$min", "$max",
            "$setOnInsert", "$currentDate", "$push", "$addToSet", "$pull", "$pullAll", "$pop");

    private OperatorUpdates() {
    }

    /**
     * Whether every key of {@code update} is an operator that changes only the paths it names, each with a
     * document of changes.
     */
    public static boolean onTheirPathsOnly(Document update) {
        if (update.isEmpty()) {
            return false;
        }
        for (String modifier : update.keySet()) {
            if (!ON_THEIR_PATHS.contains(modifier) || !(update.get(modifier) instanceof Document)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies {@code update} (operators only, not an upsert's insert, no positional paths) to {@code document} in
     * place, as the library's general path applies it to its copy of a stored document. Throws what the general
     * path throws for the same update of the same document. The caller checks the result's field names
     * ({@link Utils#validateFieldNames}), as the general path does next.
     */
    public static void apply(Document document, Document update, String idField) {
        AbstractMongoCollection.validateUpdateQuery(update);
        for (String modifier : update.keySet()) {
            new FieldUpdates(document, UpdateOperator.fromValue(modifier), idField, false, null, ArrayFilters.empty())
                    .apply((Document) update.get(modifier), modifier);
        }
    }
}

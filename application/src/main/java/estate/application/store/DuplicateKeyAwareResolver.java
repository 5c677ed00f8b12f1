package estate.application.store;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Tells Axon that an append failed on the (aggregate, sequence) unique key, so that it raises a
 * {@code ConcurrencyException} instead of a generic {@code EventStoreException}. Axon's own resolver misses
 * H2's duplicate key when it arrives inside a {@link BatchUpdateException} (Axon issue #1368): this one
 * walks the cause and next-exception chains for SQLState 23505 (unique violation in H2 and PostgreSQL).
 */
public final class DuplicateKeyAwareResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";
    private final PersistenceExceptionResolver axonDefault = new JdbcSQLErrorCodesResolver();

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return hasUniqueViolation(exception) || axonDefault.isDuplicateKeyViolation(exception);
    }

    private static boolean hasUniqueViolation(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}

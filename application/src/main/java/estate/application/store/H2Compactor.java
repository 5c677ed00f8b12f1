package estate.application.store;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Keeps the embedded H2 event store file small while the service runs. {@code WRITE_DELAY=0} (every commit on
 * disk before the command is acknowledged, so {@code kill -9} loses nothing) also stops H2's background writer,
 * which is what normally compacts the file: without this, it grows by some 17-26 KB per commit until a clean
 * stop. With {@code RETENTION_TIME=0} (freed space reusable at once) and a pass every few seconds it stays near
 * 1.4 KB per event (measured; see docs/adr/0001). Uses H2's MVStore API (H2 offers no SQL for online compaction);
 * does nothing on other databases.
 */
public final class H2Compactor {

    private static final Logger LOG = LoggerFactory.getLogger(H2Compactor.class);
    private static final int TARGET_FILL_RATE = 90;
    private static final int MAX_BYTES_PER_PASS = 64 << 20;
    /** A pass may rewrite this much per commit since the last one: about twice what a commit writes (ADR 1). */
    private static final int BYTES_PER_COMMIT = 64 << 10;
    private static final int MIN_BYTES_PER_PASS = 256 << 10;

    private final DataSource dataSource;
    /**
     * The store's version when the last pass ended, its rewrites committed. A pass commits as it rewrites (each
     * commit a new version), and what it leaves unsaved the next transaction commits, even a read: either would
     * look like new writes to the next pass, which would then run again, and again, on a store nobody writes to.
     */
    private volatile long compactedAt = -1;

    public H2Compactor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One pass, unless nothing was committed since the last one ended; returns whether it ran. It rewrites sparse
     * chunks so their space is reused (with {@code RETENTION_TIME=0} at once), as much as the commits since the
     * last pass call for: about twice what they wrote, at most 64 MB. At a million events a fixed 64 MB every 2 s
     * went on while only the process managers' token claims were written (a version a second), without raising
     * the fill rate (83 %): 14 % of the app's CPU during a replay, and while idle a third of a core and some
     * 400 MB/s of garbage, whose collections stretched the tail of every read. Moving chunks to shrink the file
     * ({@code compactFile}) is not done: H2 2.3 trips its own assertions doing that while commits go on with
     * {@code WRITE_DELAY=0}.
     */
    public boolean compact() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return false;
            }
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            if (!(h2.getSession() instanceof SessionLocal session) || session.getDatabase().getStore() == null) {
                return false;
            }
            MVStore store = session.getDatabase().getStore().getMvStore();
            long version = store.getCurrentVersion();
            if (version == compactedAt) {
                return false; // nothing committed since the last pass: nothing new to compact
            }
            long commits = compactedAt < 0 ? Long.MAX_VALUE / BYTES_PER_COMMIT : version - compactedAt;
            int budget = (int) Math.max(MIN_BYTES_PER_PASS, Math.min(MAX_BYTES_PER_PASS, commits * BYTES_PER_COMMIT));
            if (store.compact(TARGET_FILL_RATE, budget)) {
                store.commit(); // what the pass rewrote, now: else the next transaction, even a read, commits it
            }
            compactedAt = store.getCurrentVersion();
            return true;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Compacting the H2 event store failed; the next pass tries again", e);
            return false;
        }
    }
}

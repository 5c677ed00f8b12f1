package estate.application.web;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/** Recorded first responses per (user, Idempotency-Key), in the event store's database. */
@Component
public class IdempotencyStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public IdempotencyStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Record(String userId, String key, String fingerprint, int status, String contentType,
                         String location, String etag, String body) {
    }

    public Optional<Record> find(String userId, String key) {
        return jdbc.query("SELECT fingerprint, status, content_type, location, etag, body FROM idempotency_record "
                        + "WHERE user_id = ? AND idem_key = ?",
                (rs, i) -> new Record(userId, key, rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), userId, key).stream().findFirst();
    }

    /** Stores the record; false when the key was taken meanwhile (a concurrent request with the same key). */
    public boolean insert(Record record) {
        try {
            jdbc.update("INSERT INTO idempotency_record (user_id, idem_key, fingerprint, status, content_type, "
                            + "location, etag, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    record.userId(), record.key(), record.fingerprint(), record.status(), record.contentType(),
                    record.location(), record.etag(), record.body(), clock.instant().toString());
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    static String fingerprint(String method, String uri, String query, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + uri + "?" + (query == null ? "" : query) + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package estate.application.store;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Message and event identifiers as time-ordered UUIDs (version 7 of RFC 9562): 48 bits of Unix milliseconds, then
 * 74 random bits. Axon finds this factory through {@code META-INF/services}; without it every event identifier is a
 * random UUID, and the event store's unique index on {@code eventIdentifier} takes each new event on a random
 * leaf page: a commit of a hundred events then rewrites a hundred pages of that index, and the index grows in
 * cost with the log. With the time first, the events of a commit land together at the index's right edge.
 * <p>
 * An identifier is still a UUID in its usual text form, unique by its random part (74 bits in each millisecond,
 * also across instances). The clock is the machine's: it orders index entries and decides nothing. A clock that
 * steps back only puts new entries further left; the random part keeps them unique.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return next(System.currentTimeMillis(), random.nextLong(), random.nextLong()).toString();
    }

    /** The version-7 UUID of {@code millis}, its random bits from {@code randomHigh} and {@code randomLow}. */
    static UUID next(long millis, long randomHigh, long randomLow) {
        long most = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | (randomHigh & 0x0FFFL);
        long least = randomLow & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}

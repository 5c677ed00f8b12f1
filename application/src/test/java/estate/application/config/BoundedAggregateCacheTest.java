package estate.application.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregate cache keeps the entries used last, at most its bound; a removed entry is gone. */
class BoundedAggregateCacheTest {

    @Test
    void keepsTheEntriesUsedLastUpToItsBound() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat((Integer) cache.get("a")).isEqualTo(1); // "a" is now used more recently than "b"
        cache.put("c", 3);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
    }

    @Test
    void aRemovedEntryIsGoneAndPutIfAbsentKeepsWhatIsThere() {
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("a", 1);
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        assertThat((Integer) cache.get("a")).isEqualTo(1);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat((Object) cache.get("a")).isNull();
        assertThat(cache.putIfAbsent("a", 2)).isTrue();
        assertThat((Integer) cache.get("a")).isEqualTo(2);
    }
}

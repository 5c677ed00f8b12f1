package estate.application.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A bounded, least-recently-used cache of aggregates for Axon's caching event-sourcing repository: the
 * {@code maxEntries} aggregates used last stay in memory (Axon's {@code WeakReferenceCache} loses them at any
 * garbage collection, and a large estate would be rebuilt from its snapshot on every command). Axon itself evicts
 * an entry when the unit of work that loaded or saved it rolls back, so a cached aggregate is always the state
 * of the events committed by this instance (see ADR 6 for several instances on one store).
 */
public final class BoundedAggregateCache implements Cache {

    private final int maxEntries;
    private final Map<Object, Object> entries;
    private final Set<EntryListener> listeners = new CopyOnWriteArraySet<>();

    public BoundedAggregateCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("A cache holds at least one entry");
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    public <K, V> V get(K key) {
        Objects.requireNonNull(key, "key");
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            listeners.forEach(l -> l.onEntryRead(key, value));
        }
        @SuppressWarnings("unchecked")
        V result = (V) value;
        return result;
    }

    @Override
    public void put(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        Object previous;
        Object evicted;
        synchronized (entries) {
            previous = entries.put(key, value);
            evicted = evictEldest();
        }
        if (previous != null) {
            listeners.forEach(l -> l.onEntryUpdated(key, value));
        } else {
            listeners.forEach(l -> l.onEntryCreated(key, value));
        }
        notifyExpired(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        Objects.requireNonNull(value, "value");
        Object evicted;
        synchronized (entries) {
            if (entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictEldest();
        }
        listeners.forEach(l -> l.onEntryCreated(key, value));
        notifyExpired(evicted);
        return true;
    }

    @Override
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T existing = get(key);
        if (existing != null) {
            return existing;
        }
        T value = valueSupplier.get();
        if (value == null) {
            throw new IllegalStateException("The supplier produced no value for " + key);
        }
        put(key, value);
        return value;
    }

    @Override
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object updated;
        boolean present;
        synchronized (entries) {
            @SuppressWarnings("unchecked")
            V current = (V) entries.get(key);
            present = current != null;
            updated = present ? update.apply(current) : null;
            if (present) {
                if (updated == null) {
                    entries.remove(key);
                } else {
                    entries.put(key, updated);
                }
            }
        }
        if (present) {
            if (updated == null) {
                listeners.forEach(l -> l.onEntryRemoved(key));
            } else {
                listeners.forEach(l -> l.onEntryUpdated(key, updated));
            }
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        Object[] keys;
        synchronized (entries) {
            keys = entries.keySet().toArray();
            entries.clear();
        }
        for (Object key : keys) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** How many aggregates are cached now. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Removes the least recently used entry if the cache is over its bound; returns its key or null. */
    private Object evictEldest() {
        if (entries.size() <= maxEntries) {
            return null;
        }
        Object eldest = entries.keySet().iterator().next();
        entries.remove(eldest);
        return eldest;
    }

    private void notifyExpired(Object key) {
        if (key != null) {
            listeners.forEach(l -> l.onEntryExpired(key));
        }
    }
}

package estate.application.benchmark;

import java.util.Arrays;

/** Latencies of one measured phase (nanoseconds), recorded by many threads; exact percentiles by sorting. */
final class Latencies {

    private long[] values = new long[1 << 14];
    private int size;
    private long errors;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void error() {
        errors++;
    }

    synchronized int count() {
        return size;
    }

    synchronized long errors() {
        return errors;
    }

    /** The p-th percentile (0..100) in milliseconds, nearest-rank. */
    synchronized double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.min(size, Math.max(1, rank)) - 1] / 1e6;
    }
}

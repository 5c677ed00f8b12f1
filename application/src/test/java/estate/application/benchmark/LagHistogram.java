package estate.application.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projection lag from the app's {@code estate.projection.lag} timer: the Prometheus histogram buckets
 * (cumulative counts per upper bound) scraped before and after a phase; their difference is the phase's
 * distribution. Percentiles are bucket upper bounds ("at most").
 */
final class LagHistogram {

    private static final Pattern BUCKET = Pattern.compile(
            "^estate_projection_lag_seconds_bucket\\{(.*)} ([0-9.eE+-]+)$");
    private static final Pattern PROCESSOR = Pattern.compile("processor=\"([^\"]+)\"");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** upper bound (seconds) → cumulative count */
    private final TreeMap<Double, Double> buckets;

    private LagHistogram(TreeMap<Double, Double> buckets) {
        this.buckets = buckets;
    }

    /** processor → flattened [le0, count0, le1, count1, ...] */
    static Map<String, double[]> scrape(String prometheus) {
        Map<String, TreeMap<Double, Double>> byProcessor = new TreeMap<>();
        for (String line : prometheus.split("\n")) {
            Matcher bucket = BUCKET.matcher(line.trim());
            if (!bucket.matches()) {
                continue;
            }
            Matcher processor = PROCESSOR.matcher(bucket.group(1));
            Matcher le = LE.matcher(bucket.group(1));
            if (processor.find() && le.find()) {
                double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                byProcessor.computeIfAbsent(processor.group(1), p -> new TreeMap<>())
                        .put(bound, Double.parseDouble(bucket.group(2)));
            }
        }
        Map<String, double[]> flat = new TreeMap<>();
        byProcessor.forEach((name, map) -> {
            double[] values = new double[map.size() * 2];
            int i = 0;
            for (Map.Entry<Double, Double> e : map.entrySet()) {
                values[i++] = e.getKey();
                values[i++] = e.getValue();
            }
            flat.put(name, values);
        });
        return flat;
    }

    /** The distribution between two scrapes, of one processor or (null) of all summed. */
    static LagHistogram delta(Map<String, double[]> before, Map<String, double[]> after, String processor) {
        TreeMap<Double, Double> sum = new TreeMap<>();
        after.forEach((name, values) -> {
            if (processor != null && !processor.equals(name)) {
                return;
            }
            Map<Double, Double> old = new TreeMap<>();
            double[] was = before.getOrDefault(name, new double[0]);
            for (int i = 0; i < was.length; i += 2) {
                old.put(was[i], was[i + 1]);
            }
            for (int i = 0; i < values.length; i += 2) {
                sum.merge(values[i], values[i + 1] - old.getOrDefault(values[i], 0.0), Double::sum);
            }
        });
        return new LagHistogram(sum);
    }

    long count() {
        return buckets.isEmpty() ? 0 : Math.round(buckets.lastEntry().getValue());
    }

    /** The smallest bucket bound (ms) under which p percent of the updates fall. */
    double percentile(double p) {
        double total = count();
        if (total == 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> e : buckets.entrySet()) {
            if (e.getValue() >= total * p / 100.0) {
                return e.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    @Override
    public String toString() {
        return "p50<=" + percentile(50) + "ms p99<=" + percentile(99) + "ms n=" + count();
    }
}

package estate.application.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results table: each figure beside its ceiling, the ratio, the target and whether it was met. */
final class BenchReport {

    /** One row; {@code met} is null where the issue sets no target for the figure. */
    record Row(String section, String figure, String measured, String ceiling, String ratio, String target,
               Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String section, String figure, String measured) {
        rows.add(new Row(section, figure, measured, "", "", "", null));
    }

    void add(String section, String figure, String measured, String target, Boolean met) {
        rows.add(new Row(section, figure, measured, "", "", target, met));
    }

    /** A throughput beside its ceiling: ratio = measured / ceiling. */
    void addRatio(String section, String figure, double measured, double ceiling, String unit, String target,
                  Boolean met) {
        rows.add(new Row(section, figure, fmt(measured) + " " + unit, fmt(ceiling) + " " + unit,
                String.format(Locale.ROOT, "%.2f", measured / ceiling), target, met));
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown(String header) {
        StringBuilder md = new StringBuilder(header).append("\n\n");
        md.append("| # | figure | measured | ceiling | ratio | target | met |\n|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(row.section()).append(" | ").append(row.figure()).append(" | ")
                    .append(row.measured()).append(" | ").append(row.ceiling()).append(" | ").append(row.ratio())
                    .append(" | ").append(row.target()).append(" | ")
                    .append(row.met() == null ? "" : row.met() ? "yes" : "**no**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n");
            notes.forEach(n -> md.append("- ").append(n).append("\n"));
        }
        return md.toString();
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String ms(double millis) {
        return fmt(millis) + " ms";
    }
}

package org.brokerscope.domain.rooms;

import java.util.Arrays;

/**
 * Min/max decimation of a series to a chart's pixel width: at most one min and one max per pixel
 * column, so drawing costs the same for a minute or a day of data.
 */
public final class Decimation {

    /** Per pixel column, the lowest and highest value; NaN where the column has no data. */
    public record Columns(double[] mins, double[] maxs) {
        public int width() {
            return mins.length;
        }

        public boolean isEmpty(int column) {
            return Double.isNaN(mins[column]);
        }
    }

    private Decimation() {
    }

    public static Columns minMax(SeriesView series, long fromMillis, long toMillis, int width) {
        double[] mins = new double[Math.max(width, 0)];
        double[] maxs = new double[mins.length];
        Arrays.fill(mins, Double.NaN);
        Arrays.fill(maxs, Double.NaN);
        if (width <= 0 || toMillis <= fromMillis) {
            return new Columns(mins, maxs);
        }
        double span = toMillis - fromMillis;
        series.forEach(fromMillis, toMillis, (t, min, max, mean) -> {
            int col = (int) Math.min(width - 1, (t - fromMillis) / span * width);
            mins[col] = Double.isNaN(mins[col]) ? min : Math.min(mins[col], min);
            maxs[col] = Double.isNaN(maxs[col]) ? max : Math.max(maxs[col], max);
        });
        return new Columns(mins, maxs);
    }
}

package org.cocommission.outcomes.statistics;

import java.util.List;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.ValueRow;

/**
 * The recent trend of a proportion as Fingertips computes it: the chi-squared test for trend (Cochran-Armitage) over
 * the last five points, with scores 1 to 5. With p = sum(O)/sum(n): T = sum(t*(O - n*p)),
 * var = p*(1 - p)*(sum(n*t^2) - sum(n*t)^2/sum(n)), X^2 = T^2/var; significant above 9.5495 (3.090232 squared, the
 * 99.8% level), increasing when T is positive. Source: docs/domain-rules.md#outcomes, "Recent trend".
 */
public final class ChiSquaredTrend {

	/** How many of the latest points the test uses; fewer are not tested. */
	static final int POINTS = 5;

	static final double SIGNIFICANT_ABOVE = 9.5495;

	private ChiSquaredTrend() {
	}

	/** The test's statistic, and whether the proportion rises (T above zero). */
	record Test(double chiSquared, boolean rising) {
	}

	/** The test for points in time order, each {O, n}; null when it cannot be computed. */
	static Test test(List<double[]> points) {
		double events = 0;
		double population = 0;
		for (double[] point : points) {
			events += point[0];
			population += point[1];
		}
		if (population <= 0) {
			return null;
		}
		double p = events / population;
		double t = 0;
		double nt = 0;
		double ntt = 0;
		for (int index = 0; index < points.size(); index++) {
			double score = index + 1;
			double[] point = points.get(index);
			t += score * (point[0] - point[1] * p);
			nt += point[1] * score;
			ntt += point[1] * score * score;
		}
		double variance = p * (1 - p) * (ntt - nt * nt / population);
		return variance <= 0 ? null : new Test(t * t / variance, t > 0);
	}

	/** The recent trend of one organisation from its values, oldest first (the last five are used). */
	public static RecentTrend of(Indicator indicator, String orgCode, List<String> periods, List<ValueRow> values) {
		int count = Math.min(periods.size(), values.size());
		String from = count == 0 ? null : periods.get(Math.max(0, count - POINTS));
		String to = count == 0 ? null : periods.get(count - 1);
		if (indicator.type() != IndicatorType.PROPORTION || count < POINTS
				|| values.subList(count - POINTS, count).stream().anyMatch(row -> row == null || row.denominator() <= 0)) {
			return new RecentTrend(indicator.id(), orgCode, from, to, count, null, false, TrendDirection.NOT_TESTED);
		}
		List<ValueRow> last = values.subList(count - POINTS, count);
		List<double[]> points = last.stream().map(row -> new double[] { row.numerator(), row.denominator() }).toList();
		Test test = test(points);
		if (test == null) {
			return new RecentTrend(indicator.id(), orgCode, from, to, POINTS, null, false, TrendDirection.NOT_TESTED);
		}
		boolean significant = test.chiSquared() > SIGNIFICANT_ABOVE;
		return new RecentTrend(indicator.id(), orgCode, from, to, POINTS, test.chiSquared(), significant,
				significant ? direction(indicator.polarity(), test.rising()) : TrendDirection.NO_SIGNIFICANT_CHANGE);
	}

	private static TrendDirection direction(Polarity polarity, boolean rising) {
		return switch (polarity) {
			case HIGH_IS_GOOD -> rising ? TrendDirection.IMPROVING : TrendDirection.WORSENING;
			case LOW_IS_GOOD -> rising ? TrendDirection.WORSENING : TrendDirection.IMPROVING;
			case NO_JUDGEMENT -> rising ? TrendDirection.HIGHER : TrendDirection.LOWER;
		};
	}
}

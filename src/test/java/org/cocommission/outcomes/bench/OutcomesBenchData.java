package org.cocommission.outcomes.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.cocommission.outcomes.IndicatorType;

/**
 * Writes the outcomes bench's one long CSV ({@code ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR}), month by
 * month and indicator by indicator, as a national extract comes. Counts are drawn with a fixed seed around each
 * indicator's national level, moved by a CCG effect, a practice effect and a little seasonality: binomial for
 * proportions, Poisson for rates, so small practices have the small counts (exact limits, suppression) real data has.
 * All of it is synthetic.
 */
final class OutcomesBenchData {

	static final String HEADER = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR";

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	private OutcomesBenchData() {
	}

	/** The monthly periods of the series, oldest first. */
	static List<String> periods(LocalDate first, int months) {
		List<String> periods = new ArrayList<>(months);
		for (int month = 0; month < months; month++) {
			periods.add(first.plusMonths(month).format(MONTH));
		}
		return periods;
	}

	/** Writes the file and returns its number of data rows. */
	static long write(Path file, OutcomesBenchDirectory directory, List<OutcomesBenchIndicators.BenchIndicator> indicators,
			List<String> periods) {
		List<OutcomesBenchDirectory.Practice> practices = directory.practices();
		List<String> ccgs = directory.ccgCodes();
		Map<String, Long> ccgLists = directory.ccgLists();
		SplittableRandom random = new SplittableRandom(17_000_000L);
		double[][] practiceEffect = new double[indicators.size()][practices.size()];
		double[][] ccgEffect = new double[indicators.size()][ccgs.size()];
		Map<String, Integer> ccgIndex = new java.util.HashMap<>();
		for (int index = 0; index < ccgs.size(); index++) {
			ccgIndex.put(ccgs.get(index), index);
		}
		for (int indicator = 0; indicator < indicators.size(); indicator++) {
			for (int ccg = 0; ccg < ccgs.size(); ccg++) {
				ccgEffect[indicator][ccg] = OutcomesBenchDirectory.gaussian(random);
			}
			for (int practice = 0; practice < practices.size(); practice++) {
				practiceEffect[indicator][practice] = OutcomesBenchDirectory.gaussian(random);
			}
		}
		long rows = 0;
		StringBuilder line = new StringBuilder(64);
		try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write(HEADER);
			writer.write('\n');
			for (int month = 0; month < periods.size(); month++) {
				String period = periods.get(month);
				double season = 1 + 0.1 * Math.cos(2 * Math.PI * month / 12);
				double growth = 1 + 0.001 * month;
				for (int indicator = 0; indicator < indicators.size(); indicator++) {
					OutcomesBenchIndicators.BenchIndicator bench = indicators.get(indicator);
					IndicatorType type = bench.definition().type();
					if (bench.practiceLevel()) {
						for (int index = 0; index < practices.size(); index++) {
							OutcomesBenchDirectory.Practice practice = practices.get(index);
							double effect = 0.2 * ccgEffect[indicator][ccgIndex.get(practice.ccg())]
									+ 0.3 * practiceEffect[indicator][index];
							long list = Math.round(practice.list() * growth);
							long[] counts = counts(random, type, bench, list, effect, season, month);
							rows += row(writer, line, practice.code(), bench.id(), period, counts);
						}
					}
					else {
						for (int ccg = 0; ccg < ccgs.size(); ccg++) {
							long list = Math.round(ccgLists.get(ccgs.get(ccg)) * growth);
							long[] counts = counts(random, type, bench, list, 0.15 * ccgEffect[indicator][ccg], season,
									month);
							rows += row(writer, line, ccgs.get(ccg), bench.id(), period, counts);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the bench observations", ex);
		}
		return rows;
	}

	/** Numerator and denominator of one organisation, indicator and month. */
	private static long[] counts(SplittableRandom random, IndicatorType type,
			OutcomesBenchIndicators.BenchIndicator bench, long list, double effect, double season, int month) {
		if (type == IndicatorType.PROPORTION) {
			long denominator = Math.max(1, Math.round(list * bench.share()));
			double logit = Math.log(bench.level() / (1 - bench.level())) + effect + 0.002 * month;
			double p = 1 / (1 + Math.exp(-logit));
			return new long[] { binomial(random, denominator, p), denominator };
		}
		double mean = list * bench.level() * Math.exp(effect) * season;
		return new long[] { poisson(random, mean), list };
	}

	private static int row(BufferedWriter writer, StringBuilder line, String org, String indicator, String period,
			long[] counts) throws IOException {
		line.setLength(0);
		line.append(org).append(',').append(indicator).append(',').append(period).append(',').append(counts[0])
			.append(',').append(counts[1]).append('\n');
		writer.append(line);
		return 1;
	}

	private static long binomial(SplittableRandom random, long n, double p) {
		if (n <= 40) {
			long successes = 0;
			for (long trial = 0; trial < n; trial++) {
				successes += random.nextDouble() < p ? 1 : 0;
			}
			return successes;
		}
		double mean = n * p;
		double sd = Math.sqrt(n * p * (1 - p));
		return Math.max(0, Math.min(n, Math.round(mean + sd * OutcomesBenchDirectory.gaussian(random))));
	}

	private static long poisson(SplittableRandom random, double mean) {
		if (mean < 30) {
			// Knuth's method: exact for the small means where the normal approximation is poor.
			double limit = Math.exp(-mean);
			double product = random.nextDouble();
			long count = 0;
			while (product > limit) {
				product *= random.nextDouble();
				count++;
			}
			return count;
		}
		return Math.max(0, Math.round(mean + Math.sqrt(mean) * OutcomesBenchDirectory.gaussian(random)));
	}
}

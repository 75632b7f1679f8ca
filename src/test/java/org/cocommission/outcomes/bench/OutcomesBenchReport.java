package org.cocommission.outcomes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


/**
 * The outcomes bench's figures: {@code outcomes.json} with exactly the keys the acceptance checks read, and
 * {@code outcomes.txt}, the same figures for people with the machine, the scale, the check and each target.
 */
final class OutcomesBenchReport {

	/** Everything one run measured. Times in seconds, throughputs in rows per second, latencies in nanoseconds. */
	record Figures(long rows, int practices, int ccgs, int areaTeams, int regions, int indicators, int months,
			double copyRowsPerSec, double importRowsPerSec, double recomputeSeconds, double remappedSeconds,
			double referenceSqlSeconds, OutcomesBenchCheck.Outcome check, OutcomesBenchLoad.Result load, int clients, int loadSeconds,
			Map<String, Double> preparation) {

		double importVsCopy() {
			return importRowsPerSec / copyRowsPerSec;
		}

		/** The re-mapped recompute over the plain one (target at most 2). */
		double remappedVsPlain() {
			return remappedSeconds / recomputeSeconds;
		}

		double recomputeSpeedup() {
			return referenceSqlSeconds / recomputeSeconds;
		}

		double p95PageMs() {
			return BenchFigures.percentileMillis(load.all(), 95);
		}

		/** The indicator page's p95 as it was ({@code structure=as-was}, the stored values). */
		double p95PagePlainMs() {
			return BenchFigures.percentileMillis(load.pagePlain(), 95);
		}

		/** The indicator page's p95 re-mapped onto the structure date, in the same run. */
		double p95PageRemappedMs() {
			return BenchFigures.percentileMillis(load.pageRemapped(), 95);
		}

		/** Re-mapped over plain page p95 (issue 16: "page p95 unchanged", about 1). */
		double pageRemappedVsPlain() {
			return p95PageRemappedMs() / p95PagePlainMs();
		}
	}

	private OutcomesBenchReport() {
	}

	static String json(Figures figures) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("rows", figures.rows());
		values.put("importRowsPerSec", figures.importRowsPerSec());
		values.put("copyRowsPerSec", figures.copyRowsPerSec());
		values.put("importVsCopy", figures.importVsCopy());
		values.put("recomputeSeconds", figures.recomputeSeconds());
		values.put("remappedSeconds", figures.remappedSeconds());
		values.put("remappedVsPlain", figures.remappedVsPlain());
		values.put("referenceSqlSeconds", figures.referenceSqlSeconds());
		values.put("recomputeSpeedup", figures.recomputeSpeedup());
		values.put("p95PageMs", figures.p95PageMs());
		values.put("p95PagePlainMs", figures.p95PagePlainMs());
		values.put("p95PageRemappedMs", figures.p95PageRemappedMs());
		values.put("pageRemappedVsPlain", figures.pageRemappedVsPlain());
		List<String> members = new ArrayList<>();
		values.forEach((key, value) -> members.add("  \"" + key + "\": " + number(value)));
		return "{\n" + String.join(",\n", members) + "\n}\n";
	}

	private static String number(Object value) {
		if (value instanceof Long whole) {
			return whole.toString();
		}
		double number = (Double) value;
		if (Double.isNaN(number) || Double.isInfinite(number)) {
			// JSON has no NaN: a figure that could not be measured (no request completed) is reported as -1.
			return "-1";
		}
		return String.format(Locale.ROOT, "%.4f", number);
	}

	static String text(Figures figures, Instant date) {
		var load = figures.load();
		List<String> lines = new ArrayList<>();
		lines.add("CoCommission outcomes benchmark, " + date.truncatedTo(ChronoUnit.SECONDS));
		lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " processors (" + cpuModel() + "), "
				+ memory() + " RAM, Java " + System.getProperty("java.version") + " with a maximum heap of "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
		lines.add(String.format(Locale.UK, "Scale: %,d practices in %,d CCGs, %d area teams, %d regions; %d indicators"
				+ " (the 8 CCG-level starters included) x %d months = %,d observations", figures.practices(),
				figures.ccgs(), figures.areaTeams(), figures.regions(), figures.indicators(), figures.months(),
				figures.rows()));
		figures.preparation()
			.forEach((step, seconds) -> lines.add(String.format(Locale.UK, "  (preparation) %-40s %8.1f s", step, seconds)));
		lines.add("");
		lines.add(String.format(Locale.UK, "COPY into an unindexed table (best of 2) %,12.0f rows/s", figures.copyRowsPerSec()));
		lines.add(String.format(Locale.UK, "Import (long CSV, all checks)           %,12.0f rows/s  = %.2f x COPY   %s",
				figures.importRowsPerSec(), figures.importVsCopy(), target(figures.importVsCopy() >= 0.8, "at least 0.8 x COPY")));
		lines.add(String.format(Locale.UK, "Full recompute (every level)            %12.1f s        %s",
				figures.recomputeSeconds(), target(figures.recomputeSeconds() < 10, "under 10 s")));
		lines.add(String.format(Locale.UK, "Re-mapped recompute (today's structure) %12.1f s = %.2f x  %s",
				figures.remappedSeconds(), figures.remappedVsPlain(),
				target(figures.remappedVsPlain() <= 2, "within 2 x the full recompute")));
		lines.add(String.format(Locale.UK, "Reference SQL (bench/outcomes-reference.sql) %7.1f s = %.1f x the recompute  %s",
				figures.referenceSqlSeconds(), figures.recomputeSpeedup(),
				target(figures.recomputeSpeedup() >= 5, "recompute 5 x faster than the reference")));
		var check = figures.check();
		lines.add(String.format(Locale.UK, "Check: %,d rows compared (%,d practice rows), %,d mismatches: %s",
				check.rowsCompared(), check.practiceRowsCompared(), check.mismatches(), check.passed() ? "PASSED" : "FAILED"));
		check.first().forEach(message -> lines.add("  " + message));
		lines.add(String.format(Locale.UK, "Pages: %d clients for %d s, %,d requests measured, %d failed",
				figures.clients(), figures.loadSeconds(), load.all().size(), load.failures()));
		lines.add(latencies("  indicator page  GET /outcomes/indicators/{id}", load.indicatorPage()));
		lines.add(latencies("    as it was     ...?structure=as-was", load.pagePlain()));
		lines.add(latencies("    re-mapped     ...?structure=YYYY-MM-DD", load.pageRemapped()));
		lines.add(String.format(Locale.UK, "    re-mapped page p95 over as-was page p95 = %.2f x  %s",
				figures.pageRemappedVsPlain(), target(figures.pageRemappedVsPlain() <= 1.2, "unchanged, within 1.2 x")));
		lines.add(latencies("  spine chart API GET /api/v1/outcomes/spine/{ccg}", load.spineApi()));
		lines.add(String.format(Locale.UK, "p95 over all requests %.1f ms  %s", figures.p95PageMs(),
				target(figures.p95PageMs() < 100, "under 100 ms")));
		if (!load.warmup().isEmpty()) {
			lines.add(String.format(Locale.UK, "  (during the warm-up, while the JIT compiles and the read cache fills:"
					+ " %,d requests, p95 %.1f ms)", load.warmup().size(),
					BenchFigures.percentileMillis(load.warmup(), 95)));
		}
		return String.join("\n", lines) + "\n";
	}

	private static String latencies(String label, List<Long> nanos) {
		return String.format(Locale.UK, "%-52s %,7d requests  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms", label,
				nanos.size(), BenchFigures.percentileMillis(nanos, 50), BenchFigures.percentileMillis(nanos, 95),
				BenchFigures.percentileMillis(nanos, 99));
	}

	private static String target(boolean met, String target) {
		return "(target " + target + ": " + (met ? "met" : "NOT met") + ")";
	}

	static void write(Path directory, Figures figures, String text) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("outcomes.json"), json(figures));
		Files.writeString(directory.resolve("outcomes.txt"), text);
	}

	private static String cpuModel() {
		return procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
			.orElse("CPU model unknown");
	}

	private static String memory() {
		return procLine("/proc/meminfo", "MemTotal").map(line -> {
			long kb = Long.parseLong(line.replaceAll("\\D", ""));
			return String.format(Locale.UK, "%.1f GB", kb / 1024.0 / 1024.0);
		}).orElse("unknown");
	}

	private static java.util.Optional<String> procLine(String file, String prefix) {
		try (var lines = Files.lines(Path.of(file))) {
			return lines.filter(line -> line.startsWith(prefix)).findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return java.util.Optional.empty();
		}
	}
}

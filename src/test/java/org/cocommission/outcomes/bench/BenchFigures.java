package org.cocommission.outcomes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The figures every load bench reports the same way: percentiles of latencies and the machine's load. */
public final class BenchFigures {

	private BenchFigures() {
	}

	/** The q-th percentile (0-100) of latencies in nanoseconds, in milliseconds, by the nearest-rank method. */
	public static double percentileMillis(List<Long> nanos, double q) {
		if (nanos.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(q / 100 * sorted.size());
		return sorted.get(Math.max(0, rank - 1)) / 1e6;
	}

	/** The machine's 1, 5 and 15 minute load averages, where the system tells them (Linux). */
	public static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}
}

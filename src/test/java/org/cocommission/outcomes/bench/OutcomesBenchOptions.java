package org.cocommission.outcomes.bench;

import java.nio.file.Path;


/**
 * What the outcomes bench runs: the scale of the national dataset (defaults about 7,800 practices x 60 indicators x
 * 36 months), how long the page load runs, and where the figures are written.
 */
record OutcomesBenchOptions(int practices, int indicators, int months, int loadSeconds, int warmupSeconds,
		int clients, Path output) {

	static final String USAGE = """
			Usage: bench/outcomes [--practices N] [--indicators N] [--months N]
			         [--load-seconds N] [--warmup-seconds N] [--clients N] [--output DIR]
			Defaults: 7800 practices, 60 practice-level indicators (besides the 8 CCG-level starters), 36 months,
			20 clients for 20 s after a 120 s warm-up, figures in target/bench.""";

	OutcomesBenchOptions {
		if (practices < 10 || indicators < 1 || months < 1 || loadSeconds < 1 || warmupSeconds < 0 || clients < 1) {
			throw new IllegalArgumentException("Needs at least 10 practices, 1 indicator, 1 month, 1 client and 1 s of load");
		}
		if (indicators > OutcomesBenchIndicators.MAXIMUM) {
			throw new IllegalArgumentException("At most " + OutcomesBenchIndicators.MAXIMUM + " indicators");
		}
		if (months > 120) {
			throw new IllegalArgumentException("At most 120 months");
		}
	}

	static OutcomesBenchOptions parse(String[] args) {
		BenchArgs given = BenchArgs.parse(args, "--practices", "--indicators", "--months", "--load-seconds",
				"--warmup-seconds", "--clients", "--output");
		// A two-minute warm-up: with 20 clients on two cores the JIT's compiler threads get little of the machine, and
		// the pages reach their steady speed (about twice the first minute's) only after about that long
		// (docs/benchmarks.md).
		return new OutcomesBenchOptions(given.whole("--practices", 7_800), given.whole("--indicators", 60),
				given.whole("--months", 36), given.whole("--load-seconds", 20), given.whole("--warmup-seconds", 120),
				given.whole("--clients", 20), given.path("--output", Path.of("target", "bench")));
	}
}

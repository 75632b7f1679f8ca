package org.cocommission;

import java.util.Arrays;

import org.cocommission.outcomes.OutcomesBenchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CoCommissionApplication {

	private static final String BENCH_USAGE = """
			Usage: java -Xmx2g -jar cocommission.jar bench outcomes [--practices N --indicators N --months N]
			Benches: outcomes (import, recompute and page latency of outcomes at national scale)""";

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("bench")) {
			System.exit(bench(Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(CoCommissionApplication.class, args);
	}

	/** {@code bench <name> [options]}: runs a bench command and returns its exit code; an unknown name is usage (2). */
	static int bench(String[] args) {
		if (args.length > 0 && args[0].equals("outcomes")) {
			return OutcomesBenchmark.run(CoCommissionApplication.class, Arrays.copyOfRange(args, 1, args.length));
		}
		System.err.println(args.length == 0 ? "Which bench?" : "Unknown bench '" + args[0] + "'");
		System.err.println(BENCH_USAGE);
		return 2;
	}
}

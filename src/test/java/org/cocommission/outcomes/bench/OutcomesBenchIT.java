package org.cocommission.outcomes.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cocommission.CoCommissionApplication;
import org.cocommission.outcomes.ValueRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outcomes bench at a tiny scale, end to end (its own embedded PostgreSQL and application, the reference SQL
 * checked equal to the engine, the page load), and the parts that decide whether it passes: the comparison of rows,
 * the options and the JSON the acceptance checks read.
 */
class OutcomesBenchIT {

	private static final List<String> KEYS = List.of("rows", "importRowsPerSec", "copyRowsPerSec", "importVsCopy",
			"recomputeSeconds", "remappedSeconds", "remappedVsPlain", "referenceSqlSeconds", "recomputeSpeedup",
			"p95PageMs", "p95PagePlainMs", "p95PageRemappedMs", "pageRemappedVsPlain");

	@Test
	void benchAtTinyScaleWritesEveryFigureAndFindsTheReferenceEqualToTheEngine(@TempDir Path output) throws Exception {
		int exit = OutcomesBenchmark.run(CoCommissionApplication.class, "--practices", "40", "--indicators", "4",
				"--months", "3", "--clients", "2", "--warmup-seconds", "0", "--load-seconds", "1", "--output",
				output.toString());

		String report = Files.readString(output.resolve("outcomes.txt"));
		assertThat(exit).as(report).isZero();
		assertThat(report).contains("0 mismatches: PASSED", "p95 over all requests", "...?structure=as-was",
				"re-mapped page p95 over as-was page p95");
		String json = Files.readString(output.resolve("outcomes.json"));
		Matcher member = Pattern.compile("\"(\\w+)\": (-?[0-9.]+)").matcher(json);
		List<String> keys = member.results().map(result -> result.group(1)).toList();
		assertThat(keys).containsExactlyElementsOf(KEYS);
		// 4 practice indicators x 40 practices + 8 CCG indicators x 1 CCG, for 3 months.
		assertThat(json).contains("\"rows\": " + (4 * 40 + 8) * 3 + ",");
		assertThat(json).doesNotContain("\"p95PageMs\": -1");
	}

	@Test
	void rowsDifferingInAnyCheckedFieldAreMismatches() {
		ValueRow engine = row(12.5, 10.1, 15.2, "SIMILAR", 4);
		assertThat(OutcomesBenchCheck.difference(engine, row(12.5, 10.1, 15.2, "SIMILAR", 4))).isNull();
		assertThat(OutcomesBenchCheck.difference(engine, row(12.5 * (1 + 1e-12), 10.1, 15.2, "SIMILAR", 4))).isNull();
		assertThat(OutcomesBenchCheck.difference(engine, row(12.5 * (1 + 1e-8), 10.1, 15.2, "SIMILAR", 4)))
			.startsWith("value");
		assertThat(OutcomesBenchCheck.difference(engine, row(12.5, null, 15.2, "SIMILAR", 4))).startsWith("lower95");
		assertThat(OutcomesBenchCheck.difference(engine, row(12.5, 10.1, 15.2, "WORSE", 4))).startsWith("comparison");
		assertThat(OutcomesBenchCheck.difference(engine, row(12.5, 10.1, 15.2, "SIMILAR", 5))).startsWith("decile");
	}

	@Test
	void optionsDefaultToTheNationalScaleAndRejectWhatTheyDoNotKnow() {
		OutcomesBenchOptions defaults = OutcomesBenchOptions.parse(new String[0]);
		assertThat(defaults.practices() * defaults.indicators() * defaults.months()).isEqualTo(16_848_000);
		assertThat(defaults.output()).isEqualTo(Path.of("target", "bench"));
		assertThat(defaults.warmupSeconds()).isEqualTo(120);
		assertThatThrownBy(() -> OutcomesBenchOptions.parse(new String[] { "--rows", "5" }))
			.hasMessageContaining("Unknown option --rows");
		assertThatThrownBy(() -> OutcomesBenchOptions.parse(new String[] { "--practices", "many" }))
			.hasMessageContaining("whole number");
		assertThat(OutcomesBenchmark.run(CoCommissionApplication.class, "--months")).isEqualTo(2);
	}

	@Test
	void generatedIndicatorsCoverEveryTypeAndPolarity() {
		var combinations = java.util.stream.IntStream.rangeClosed(1, 9)
			.mapToObj(OutcomesBenchIndicators::generated)
			.map(indicator -> indicator.type() + "/" + indicator.polarity())
			.distinct()
			.count();
		assertThat(combinations).isEqualTo(9);
	}

	@Test
	void theReferenceScriptHasItsStepsInOrder() {
		var reference = new OutcomesBenchReference();
		assertThat(reference.step("schema")).contains("create table bench_ref_observation");
		assertThat(reference.step("index")).contains("analyze bench_ref_observation");
		assertThat(reference.step("compute")).contains("percentile_cont", "bench_ref_value");
	}

	private static ValueRow row(Double value, Double lower95, Double upper95, String comparison, Integer decile) {
		return new ValueRow("A00001", null, null, 5, 40, value, lower95, upper95, 1.0, 30.0, comparison, decile);
	}
}

package org.cocommission.outcomes.bench;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchArgsTests {

	@Test
	void readsTheNamesGivenAndTheDefaultsOfTheRest() {
		BenchArgs given = BenchArgs.parse(new String[] { "--practices", "7,800", "--scale", "0.05", "--load-seconds",
				"3", "--output", "out", "--clients", "4", "--clients", "6" }, "--practices", "--scale",
				"--load-seconds", "--warmup-seconds", "--output", "--clients");

		assertThat(given.whole("--practices", 1)).isEqualTo(7_800);
		assertThat(given.decimal("--scale", 1.0)).isEqualTo(0.05);
		assertThat(given.seconds("--load-seconds", 20)).isEqualTo(Duration.ofSeconds(3));
		assertThat(given.seconds("--warmup-seconds", 120)).isEqualTo(Duration.ofSeconds(120));
		assertThat(given.path("--output", Path.of("target", "bench"))).isEqualTo(Path.of("out"));
		assertThat(given.whole("--clients", 20)).isEqualTo(6);
	}

	@Test
	void refusesUnknownNamesMissingValuesAndWordsForNumbers() {
		assertThatThrownBy(() -> BenchArgs.parse(new String[] { "--rows", "5" }, "--clients"))
			.hasMessage("Unknown option --rows");
		assertThatThrownBy(() -> BenchArgs.parse(new String[] { "--clients" }, "--clients"))
			.hasMessage("--clients needs a value");
		BenchArgs words = BenchArgs.parse(new String[] { "--clients", "many", "--scale", "half" }, "--clients",
				"--scale");
		assertThatThrownBy(() -> words.whole("--clients", 20))
			.hasMessage("--clients takes a whole number, not 'many'");
		assertThatThrownBy(() -> words.decimal("--scale", 1.0)).hasMessage("--scale takes a number, not 'half'");
	}
}

package org.cocommission.outcomes.read;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' figures are written exactly as DecimalFormat writes them, ties and edges included. */
class FiguresTests {

	private static final DecimalFormat HUNDREDTHS = new DecimalFormat("#,##0.00",
			DecimalFormatSymbols.getInstance(Locale.UK));

	private static final DecimalFormat WHOLE = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));

	@Test
	void workedExamples() {
		assertThat(Figures.decimal(4_484.894)).isEqualTo("4,484.89");
		assertThat(Figures.decimal(1_090.5)).isEqualTo("1,090.50");
		assertThat(Figures.decimal(0.005)).isEqualTo(HUNDREDTHS.format(0.005));
		assertThat(Figures.decimal(1_000_000.07)).isEqualTo("1,000,000.07");
		assertThat(Figures.decimal(-3.14159)).isEqualTo("-3.14");
		assertThat(Figures.whole(249_170)).isEqualTo("249,170");
		assertThat(Figures.whole(1_000_005)).isEqualTo("1,000,005");
		assertThat(Figures.whole(2.5)).isEqualTo("2");
		assertThat(Figures.whole(3.5)).isEqualTo("4");
	}

	@Test
	void tiesAndNearTiesRoundAsDecimalFormatDoes() {
		double[] values = { 0.125, 0.375, 1.005, 2.675, 1.115, 10.245, 0.0, 0.004999999, 999.995, 999_999_999.995,
				12_345.675, 0.015, 0.025, 0.035, 0.045, 99.5, 0.5, 1e-300, 999_999_999.99 };
		for (double value : values) {
			assertThat(Figures.decimal(value)).as("%s", value).isEqualTo(HUNDREDTHS.format(value));
			assertThat(Figures.whole(value)).as("%s", value).isEqualTo(WHOLE.format(value));
		}
	}

	@Test
	void randomValuesOfEveryScaleAreWrittenAsDecimalFormatWritesThem() {
		SplittableRandom random = new SplittableRandom(5);
		for (int i = 0; i < 200_000; i++) {
			double value = switch (i % 4) {
				case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(-3, 12));
				case 1 -> Math.round(random.nextDouble() * 1e7) / 1000.0;
				case 2 -> (double) random.nextLong(0, 5_000_000_000L) / 8;
				default -> -random.nextDouble() * 1e4;
			};
			assertThat(Figures.decimal(value)).as("%s", value).isEqualTo(HUNDREDTHS.format(value));
			assertThat(Figures.whole(value)).as("%s", value).isEqualTo(WHOLE.format(value));
		}
	}
}

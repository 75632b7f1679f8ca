package org.cocommission.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.cocommission.directory.Directory;

/**
 * Measures, without a timed assertion, how long generating and loading the whole country takes (the first start-up's
 * share). Too slow for every build, so it runs only on request: {@code -Dcc.demo.measure=true
 * -Dtest=DemoFullScaleMeasurement}.
 */
@EnabledIfSystemProperty(named = "cc.demo.measure", matches = "true")
@SpringBootTest(properties = "cocommission.demo-password=demo-password-for-tests")
class DemoFullScaleMeasurement {

	private final DemoDataLoader loader;

	private final Directory directory;

	@Autowired
	DemoFullScaleMeasurement(DemoDataLoader loader, Directory directory) {
		this.loader = loader;
		this.directory = directory;
	}

	@Test
	void generatesAndLoadsTheWholeCountry() {
		long started = System.nanoTime();
		DemoDataset dataset = DemoDataset.generate(1.0);
		Duration generation = Duration.ofNanos(System.nanoTime() - started);

		List<DemoDataLoader.Step> steps = loader.load(dataset);
		Duration total = Duration.ofNanos(System.nanoTime() - started);

		System.out.printf("Demo dataset at full scale: generated in %d ms, generated and loaded in %d ms%n",
				generation.toMillis(), total.toMillis());
		steps.forEach(step -> System.out.printf("  %-45s %8d rows %7d ms%n", step.name(), step.rows(), step.took().toMillis()));
		assertThat(directory.summary().openPractices()).isEqualTo(dataset.openPractices().size());
		assertThat(directory.coverage(LocalDate.now()).populationCoveredPercent())
			.isEqualByComparingTo(new BigDecimal("100.00"));
	}
}

package org.cocommission.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.Directory;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.workforce.WorkforceImports;
import org.cocommission.workforce.WorkforceMeasures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The workforce months load on a thread of their own, and the start waits for them (and fails with them). */
class WorkforceDemoLoadedTests {

	private final Directory directory = mock(Directory.class);

	private final PopulationQueries populations = mock(PopulationQueries.class);

	private final WorkforceImports imports = mock(WorkforceImports.class);

	private final WorkforceMeasures measures = mock(WorkforceMeasures.class);

	@Test
	void theStartFailsWhenTheMonthsFailedToLoad() {
		when(directory.isSynthetic()).thenReturn(true);
		when(measures.months()).thenReturn(List.of());
		when(populations.extractDates()).thenThrow(new IllegalStateException("the lists could not be read"));
		WorkforceDemo demo = new WorkforceDemo(true, directory, populations, imports, measures);

		demo.run(null);

		assertThatThrownBy(() -> new WorkforceDemo.Loaded(demo).run(null)).isInstanceOf(IllegalStateException.class)
			.hasMessage("The workforce demo failed to load")
			.cause()
			.hasMessage("the lists could not be read");
		assertThat(demo.outcomesSupplied()).isNotDone();
	}

	@Test
	void nothingToWaitForWhenTheDemoIsOff() {
		WorkforceDemo demo = new WorkforceDemo(false, directory, populations, imports, measures);

		demo.run(null);

		assertThat(demo.loaded()).isCompleted();
		new WorkforceDemo.Loaded(demo).run(null);
		assertThat(demo.outcomesSupplied()).isCompleted();
	}
}

package org.cocommission.directory.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.directory.Coverage;
import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.cache.DirectoryGeneration;
import org.cocommission.directory.NationalSummary;

/**
 * The home page's national figures are computed once and kept between visits (coverage reads every practice), and
 * computed afresh after the directory changes, and on a new day.
 */
class HomePageFiguresTests {

	private static final LocalDate TODAY = LocalDate.of(2014, 4, 1);

	private final DirectoryGeneration generation = new DirectoryGeneration();

	private final Directory directory = mock(Directory.class);

	private final HomePageFigures figures = new HomePageFigures(directory, generation);

	private static Coverage coverage(String percent) {
		return new Coverage(TODAY, 10, 10, List.of(), List.of(), 2, new BigDecimal(percent), List.of(), List.of());
	}

	@Test
	void keepsTheFiguresBetweenVisitsAndForgetsThemWhenTheDirectoryChanges() {
		when(directory.today()).thenReturn(TODAY);
		when(directory.summary()).thenReturn(new NationalSummary(1, 1, 2, 10, 0, 0, 5000, TODAY, false));
		when(directory.coverage(TODAY)).thenReturn(coverage("90.00"), coverage("100.00"));

		assertThat(figures.today().coverage().populationCoveredPercent()).isEqualByComparingTo("90");
		assertThat(figures.today().coverage().populationCoveredPercent()).isEqualByComparingTo("90");
		verify(directory, times(1)).coverage(TODAY);

		generation.on(new DirectoryChanged("epraccur", 1, 0, 0, List.of()));

		assertThat(figures.today().coverage().populationCoveredPercent()).isEqualByComparingTo("100");
		verify(directory, times(2)).coverage(TODAY);
	}

	@Test
	void figuresWorkedOutWhileAChangeCommitsAreNotKeptAfterIt() {
		when(directory.today()).thenReturn(TODAY);
		when(directory.summary()).thenReturn(new NationalSummary(1, 1, 2, 10, 0, 0, 5000, TODAY, false));
		// The import commits while a visit is reading the coverage from before it.
		when(directory.coverage(TODAY)).thenAnswer(call -> {
			generation.on(new DirectoryChanged("epraccur", 1, 0, 0, List.of()));
			return coverage("90.00");
		}).thenReturn(coverage("100.00"));

		assertThat(figures.today().coverage().populationCoveredPercent()).isEqualByComparingTo("90");
		assertThat(figures.today().coverage().populationCoveredPercent()).isEqualByComparingTo("100");
	}

	@Test
	void keepsCoverageOnEachDateUntilTheDirectoryChanges() {
		LocalDate earlier = LocalDate.of(2013, 4, 1);
		when(directory.coverage(earlier)).thenReturn(coverage("80.00"), coverage("85.00"));

		assertThat(figures.coverage(earlier).populationCoveredPercent()).isEqualByComparingTo("80");
		assertThat(figures.coverage(earlier).populationCoveredPercent()).isEqualByComparingTo("80");
		verify(directory, times(1)).coverage(earlier);

		generation.moveOn();

		assertThat(figures.coverage(earlier).populationCoveredPercent()).isEqualByComparingTo("85");
	}

	@Test
	void aNewDayHasItsOwnFigures() {
		when(directory.today()).thenReturn(TODAY, TODAY.plusDays(1));
		when(directory.coverage(TODAY)).thenReturn(coverage("90.00"));
		when(directory.coverage(TODAY.plusDays(1))).thenReturn(coverage("95.00"));

		assertThat(figures.today().coverage().populationCoveredPercent()).isEqualByComparingTo("90");
		assertThat(figures.today().coverage().populationCoveredPercent()).isEqualByComparingTo("95");
	}
}

package org.cocommission.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.cache.DirectoryGeneration;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationType;

/**
 * An organisation page's directory figures are worked out once per organisation and date and kept between visits,
 * worked out afresh after the directory changes and on a new day; the latest extract with age bands, whose query reads
 * every banded row, is looked up once for all organisations.
 */
class OrganisationPageFiguresTests {

	private static final LocalDate TODAY = LocalDate.of(2014, 4, 1);

	private final DirectoryGeneration generation = new DirectoryGeneration();

	private final Directory directory = mock(Directory.class);

	private final DirectoryPageQueries queries = mock(DirectoryPageQueries.class);

	private final OrganisationPageFigures figures = new OrganisationPageFigures(directory, queries, generation);

	private static OrganisationDetails practice(String code, String name) {
		return new OrganisationDetails(code, name, OrganisationType.GP_PRACTICE, "GP practice", List.of(), null, null,
				null, null, "A", "Active", 4, "GP practice", false, false, List.of(), 1000L, TODAY, List.of(), List.of(),
				List.of());
	}

	@BeforeEach
	void directory() {
		when(directory.today()).thenReturn(TODAY);
		when(directory.children(anyString(), any())).thenReturn(List.of());
		when(queries.withTotals(any())).thenReturn(List.of());
		when(directory.listSizeHistory(anyString(), anyBoolean())).thenReturn(List.of());
		when(directory.latestBandedExtract()).thenReturn(Optional.of(TODAY));
		when(directory.pyramid(anyString(), any())).thenReturn(Optional.empty());
	}

	@Test
	void keepsAnOrganisationsFiguresBetweenVisitsAndForgetsThemWhenTheDirectoryChanges() {
		when(directory.get("A81001")).thenReturn(practice("A81001", "OLD NAME"), practice("A81001", "NEW NAME"));

		assertThat(figures.of("A81001", TODAY).organisation().name()).isEqualTo("OLD NAME");
		assertThat(figures.of("A81001", TODAY).organisation().name()).isEqualTo("OLD NAME");
		verify(directory, times(1)).get("A81001");

		generation.on(new DirectoryChanged("epraccur", 0, 1, 0, List.of()));

		assertThat(figures.of("A81001", TODAY).organisation().name()).isEqualTo("NEW NAME");
		verify(directory, times(2)).get("A81001");
	}

	@Test
	void eachDateAndEachNewDayHasItsOwnFigures() {
		when(directory.get("A81001")).thenReturn(practice("A81001", "PRACTICE"));
		when(directory.today()).thenReturn(TODAY, TODAY, TODAY.plusDays(1));

		figures.of("A81001", TODAY);
		figures.of("A81001", TODAY.minusYears(1));
		figures.of("A81001", TODAY);

		verify(directory, times(3)).get("A81001");
		verify(directory, times(1)).parentChain("A81001", TODAY.minusYears(1));
	}

	@Test
	void looksUpTheLatestBandedExtractOnceForEveryOrganisationUntilTheDirectoryChanges() {
		when(directory.get(anyString())).thenAnswer(call -> practice(call.getArgument(0), "PRACTICE"));

		figures.of("A81001", TODAY);
		figures.of("A81002", TODAY);
		verify(directory, times(1)).latestBandedExtract();
		verify(directory).pyramid("A81002", TODAY);

		generation.moveOn();
		figures.of("A81003", TODAY);
		verify(directory, times(2)).latestBandedExtract();
	}
}

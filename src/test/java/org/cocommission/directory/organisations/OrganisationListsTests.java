package org.cocommission.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.Directory.ListSort;
import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.cache.DirectoryGeneration;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.organisations.OrganisationListView.Request;
import org.cocommission.platform.PageOf;

/**
 * A page of the organisations list is read once per request and kept until the directory changes; a page read while
 * a change commits is not shown after it; each request, and each day, has its own page.
 */
class OrganisationListsTests {

	private static final LocalDate TODAY = LocalDate.of(2014, 4, 1);

	private static final Request FIRST_PAGE = new Request(null, null, null, ListSort.NAME, false, 0, 50);

	private final DirectoryGeneration generation = new DirectoryGeneration();

	private final Directory directory = mock(Directory.class);

	private final DirectoryPageQueries queries = mock(DirectoryPageQueries.class);

	private final OrganisationLists lists = new OrganisationLists(directory, queries, generation);

	private static PageOf<OrganisationSummary> page(String name) {
		return new PageOf<>(List.of(new OrganisationSummary("A81001", name, OrganisationType.GP_PRACTICE, "TS18 1HU",
				"A", "GP practice", null, null, 1000L, false)), 0, 50, 1);
	}

	@BeforeEach
	void directory() {
		when(directory.today()).thenReturn(TODAY);
		when(queries.parentsOn(any(), any())).thenReturn(Map.of());
	}

	@Test
	void keepsAPageAndForgetsItWhenTheDirectoryChanges() {
		when(directory.list(any(), any(), any(), any(), anyBoolean(), anyInt(), anyInt())).thenReturn(page("OLD"),
				page("NEW"));

		assertThat(lists.page(FIRST_PAGE).result().items().get(0).name()).isEqualTo("OLD");
		assertThat(lists.page(FIRST_PAGE).result().items().get(0).name()).isEqualTo("OLD");
		verify(directory, times(1)).list(any(), any(), any(), any(), anyBoolean(), anyInt(), anyInt());

		generation.on(new DirectoryChanged("epraccur", 0, 1, 0, List.of()));

		assertThat(lists.page(FIRST_PAGE).result().items().get(0).name()).isEqualTo("NEW");
	}

	@Test
	void aPageReadWhileAChangeCommitsIsNotKeptAfterIt() {
		when(directory.list(any(), any(), any(), any(), anyBoolean(), anyInt(), anyInt())).thenAnswer(call -> {
			generation.on(new DirectoryChanged("epraccur", 0, 1, 0, List.of()));
			return page("OLD");
		}).thenReturn(page("NEW"));

		assertThat(lists.page(FIRST_PAGE).result().items().get(0).name()).isEqualTo("OLD");
		assertThat(lists.page(FIRST_PAGE).result().items().get(0).name()).isEqualTo("NEW");
	}

	@Test
	void eachRequestAndEachDayHasItsOwnPage() {
		when(directory.list(any(), any(), any(), any(), anyBoolean(), anyInt(), anyInt())).thenReturn(page("ANY"));
		when(directory.today()).thenReturn(TODAY, TODAY, TODAY.plusDays(1));

		lists.page(FIRST_PAGE);
		lists.page(new Request(OrganisationType.CCG, null, null, ListSort.NAME, false, 0, 50));
		lists.page(FIRST_PAGE);

		verify(directory, times(3)).list(any(), any(), any(), any(), anyBoolean(), anyInt(), anyInt());
	}
}

package org.cocommission.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.NoDatabaseTransactions;
import org.cocommission.directory.cache.DirectoryGeneration;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;

/**
 * Search results are worked out once per query and kept until the directory changes; results read while a change
 * commits are not shown after it; the API's hits are kept per query and limit.
 */
class SearchResultsTests {

	private static final LocalDate TODAY = LocalDate.of(2014, 4, 1);

	private final DirectoryGeneration generation = new DirectoryGeneration();

	private final NoDatabaseTransactions transactions = new NoDatabaseTransactions();

	private final Directory directory = mock(Directory.class);

	private final DirectoryPageQueries queries = mock(DirectoryPageQueries.class);

	private final SearchResults results = new SearchResults(directory, queries, generation, transactions);

	private static OrganisationSummary practice(String name) {
		return new OrganisationSummary("A81001", name, OrganisationType.GP_PRACTICE, "TS18 1HU", "A", "GP practice",
				null, null, 1000L, false);
	}

	@BeforeEach
	void directory() {
		when(directory.today()).thenReturn(TODAY);
		when(queries.parentsOn(any(), any())).thenReturn(Map.of());
		when(directory.currentListSizes(any())).thenReturn(Map.of());
	}

	@Test
	void keepsAQuerysResultsAndForgetsThemWhenTheDirectoryChanges() {
		when(directory.search("bridge", SearchResults.RESULTS + 1)).thenReturn(List.of(practice("OLD BRIDGE")),
				List.of(practice("NEW BRIDGE")));

		assertThat(results.page("bridge").results()).extracting(result -> result.organisation().name())
			.containsExactly("OLD BRIDGE");
		assertThat(results.page("bridge").results()).extracting(result -> result.organisation().name())
			.containsExactly("OLD BRIDGE");
		verify(directory, times(1)).search(anyString(), anyInt());

		generation.on(new DirectoryChanged("epraccur", 0, 1, 0, List.of()));

		assertThat(results.page("bridge").results()).extracting(result -> result.organisation().name())
			.containsExactly("NEW BRIDGE");
	}

	@Test
	void resultsReadWhileAChangeCommitsAreNotKeptAfterIt() {
		when(directory.search("bridge", 10)).thenAnswer(call -> {
			generation.on(new DirectoryChanged("epraccur", 0, 1, 0, List.of()));
			return List.of(practice("OLD BRIDGE"));
		}).thenReturn(List.of(practice("NEW BRIDGE")));

		assertThat(results.hits("bridge", 10)).extracting(OrganisationSummary::name).containsExactly("OLD BRIDGE");
		assertThat(results.hits("bridge", 10)).extracting(OrganisationSummary::name).containsExactly("NEW BRIDGE");
	}

	@Test
	void saysWhenThereAreMoreThanThePageShows() {
		List<OrganisationSummary> many = java.util.stream.IntStream.rangeClosed(1, SearchResults.RESULTS + 1)
			.mapToObj(i -> practice("PRACTICE " + i))
			.toList();
		when(directory.search("practice", SearchResults.RESULTS + 1)).thenReturn(many);

		SearchResults.Page page = results.page("practice");

		assertThat(page.results()).hasSize(SearchResults.RESULTS);
		assertThat(page.more()).isTrue();
		assertThat(results.hits(" ", 10)).isEmpty();
	}

	@Test
	void readsAQuerysResultsInOneReadOnlyTransaction() {
		List<String> readOnly = new java.util.ArrayList<>();
		when(directory.search("bridge", SearchResults.RESULTS + 1)).thenAnswer(call -> {
			readOnly.add("search " + TransactionSynchronizationManager.isCurrentTransactionReadOnly());
			return List.of(practice("OLD BRIDGE"));
		});
		when(queries.parentsOn(any(), any())).thenAnswer(call -> {
			readOnly.add("parents " + TransactionSynchronizationManager.isCurrentTransactionReadOnly());
			return Map.of();
		});
		when(directory.currentListSizes(any())).thenAnswer(call -> {
			readOnly.add("lists " + TransactionSynchronizationManager.isCurrentTransactionReadOnly());
			return Map.of();
		});

		results.page("bridge");
		results.page("bridge");

		assertThat(readOnly).containsExactlyInAnyOrder("search true", "parents true", "lists true");
		assertThat(transactions.begun()).isEqualTo(1);
	}
}

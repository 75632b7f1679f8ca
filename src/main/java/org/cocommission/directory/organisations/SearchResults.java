package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.cache.DirectoryCache;
import org.cocommission.directory.cache.DirectoryGeneration;

/**
 * Search results per query, kept between directory changes: a search reads every organisation's name, then the hits'
 * parents and lists, and under 20 clients the search page took 2.6 times as long as the bare layout (issue 18). Kept
 * under the {@link DirectoryGeneration}, like {@link OrganisationPageFigures}: results read before a change committed
 * are never shown after it. Bounded: people type many different queries.
 */
@Component
public class SearchResults {

	/** The results page shows this many hits, and says when there are more. */
	static final int RESULTS = 50;

	/** Hits kept in all, in each cache: some tens of megabytes at most. */
	private static final int ROWS = 100_000;

	/** The results page of a query: at most {@link #RESULTS} hits and whether there are more. */
	record Page(List<SearchResultView> results, boolean more) {
	}

	private record PageKey(String query, LocalDate today) {
	}

	private record HitsKey(String query, int limit) {
	}

	private final Directory directory;

	private final DirectoryPageQueries queries;

	/** The three reads behind a results page (hits, parents, lists) share one read-only transaction. */
	private final TransactionTemplate readOnly;

	private final DirectoryCache<PageKey, Page> pages;

	private final DirectoryCache<HitsKey, List<OrganisationSummary>> hits;

	SearchResults(Directory directory, DirectoryPageQueries queries, DirectoryGeneration generation,
			PlatformTransactionManager transactions) {
		this.directory = directory;
		this.queries = queries;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.pages = generation.rowCache(ROWS, page -> page.results().size());
		this.hits = generation.rowCache(ROWS, List::size);
	}

	/** The results page of a non-blank query: the hits with their parents and registered lists today. */
	Page page(String query) {
		LocalDate today = directory.today();
		return pages.get(new PageKey(query, today), key -> readOnly.execute(status -> {
			List<OrganisationSummary> found = directory.search(query, RESULTS + 1);
			List<OrganisationSummary> shown = found.stream().limit(RESULTS).toList();
			Map<String, OrganisationType> types = new LinkedHashMap<>();
			shown.forEach(organisation -> types.put(organisation.code(), organisation.type()));
			return new Page(SearchResultView.of(shown, queries, today, directory.currentListSizes(types)),
					found.size() > RESULTS);
		}));
	}

	/** {@link Directory#search(String, int)}, kept. */
	List<OrganisationSummary> hits(String query, int limit) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		return hits.get(new HitsKey(query, limit), key -> directory.search(query, limit));
	}
}

package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.coverage.HomePageFigures;

/**
 * Search results per query, kept between directory changes: a search reads every organisation's name, then the hits'
 * parents and lists, and under 20 clients the search page took 2.6 times as long as the bare layout (issue 18). Kept
 * like {@link OrganisationPageFigures}: forgotten after a committed {@link DirectoryChanged}, the demo being marked
 * synthetic, or {@link HomePageFigures#AT_MOST}; a generation number in every key keeps results read before a change
 * from being shown after it. Bounded: people type many different queries.
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

	private record PageKey(long generation, String query, LocalDate today) {
	}

	private record HitsKey(long generation, String query, int limit) {
	}

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final AtomicLong generation = new AtomicLong();

	private final Cache<PageKey, Page> pages = Caffeine.newBuilder()
		.expireAfterWrite(HomePageFigures.AT_MOST)
		.maximumWeight(ROWS)
		.<PageKey, Page>weigher((key, page) -> 1 + page.results().size())
		.build();

	private final Cache<HitsKey, List<OrganisationSummary>> hits = Caffeine.newBuilder()
		.expireAfterWrite(HomePageFigures.AT_MOST)
		.maximumWeight(ROWS)
		.<HitsKey, List<OrganisationSummary>>weigher((key, found) -> 1 + found.size())
		.build();

	SearchResults(Directory directory, DirectoryPageQueries queries) {
		this.directory = directory;
		this.queries = queries;
	}

	/** The results page of a non-blank query: the hits with their parents and registered lists today. */
	Page page(String query) {
		long current = generation.get();
		LocalDate today = directory.today();
		return pages.get(new PageKey(current, query, today), key -> {
			List<OrganisationSummary> found = directory.search(query, RESULTS + 1);
			List<OrganisationSummary> shown = found.stream().limit(RESULTS).toList();
			Map<String, OrganisationType> types = new LinkedHashMap<>();
			shown.forEach(organisation -> types.put(organisation.code(), organisation.type()));
			return new Page(SearchResultView.of(shown, queries, today, directory.currentListSizes(types)),
					found.size() > RESULTS);
		});
	}

	/** {@link Directory#search(String, int)}, kept. */
	List<OrganisationSummary> hits(String query, int limit) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		long current = generation.get();
		return hits.get(new HitsKey(current, query, limit), key -> directory.search(query, limit));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void on(DirectoryChanged changed) {
		forget();
	}

	/** After any change to the directory that publishes no {@link DirectoryChanged} (marking the demo synthetic). */
	public void forget() {
		generation.incrementAndGet();
		pages.invalidateAll();
		hits.invalidateAll();
	}
}

package org.cocommission.directory.organisations;

import java.time.LocalDate;
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
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.coverage.HomePageFigures;
import org.cocommission.directory.organisations.OrganisationListView.Request;
import org.cocommission.platform.PageOf;

/**
 * Pages of the organisations list (page and API) with each row's parents today, kept between directory changes: the
 * list's first page adds up the registered lists under every organisation on it, and under 20 clients the list took
 * 3.5 times as long as the bare layout (issue 18). Kept like {@link OrganisationPageFigures}: forgotten after a
 * committed {@link DirectoryChanged}, the demo being marked synthetic, or {@link HomePageFigures#AT_MOST}; a
 * generation number in every key keeps a page read before a change from being shown after it.
 */
@Component
public class OrganisationLists {

	/** Rows kept in all (a page holds up to 500): some tens of megabytes at most. */
	private static final int ROWS = 100_000;

	/** One page of the list and the parents today of each organisation on it. */
	record Listed(PageOf<OrganisationSummary> result, Map<String, List<OrganisationRef>> parents) {
	}

	private record Key(long generation, Request request, LocalDate today) {
	}

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final AtomicLong generation = new AtomicLong();

	private final Cache<Key, Listed> pages = Caffeine.newBuilder()
		.expireAfterWrite(HomePageFigures.AT_MOST)
		.maximumWeight(ROWS)
		.<Key, Listed>weigher((key, listed) -> 1 + listed.result().items().size())
		.build();

	OrganisationLists(Directory directory, DirectoryPageQueries queries) {
		this.directory = directory;
		this.queries = queries;
	}

	/** The page the request asks for ({@link Directory#list}), with the parents of its organisations today. */
	Listed page(Request request) {
		long current = generation.get();
		LocalDate today = directory.today();
		return pages.get(new Key(current, request, today), key -> {
			PageOf<OrganisationSummary> result = directory.list(request.type(), request.parentCode(), request.query(),
					request.sort(), request.descending(), request.page(), request.size());
			return new Listed(result,
					queries.parentsOn(result.items().stream().map(OrganisationSummary::code).toList(), today));
		});
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void on(DirectoryChanged changed) {
		forget();
	}

	/** After any change to the directory that publishes no {@link DirectoryChanged} (marking the demo synthetic). */
	public void forget() {
		generation.incrementAndGet();
		pages.invalidateAll();
	}
}

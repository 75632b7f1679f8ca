package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.cache.DirectoryCache;
import org.cocommission.directory.cache.DirectoryGeneration;
import org.cocommission.directory.organisations.OrganisationListView.Request;
import org.cocommission.platform.PageOf;

/**
 * Pages of the organisations list (page and API) with each row's parents today, kept between directory changes: the
 * list's first page adds up the registered lists under every organisation on it, and under 20 clients the list took
 * 3.5 times as long as the bare layout (issue 18). Kept under the {@link DirectoryGeneration}, like
 * {@link OrganisationPageFigures}: a page read before a change committed is never shown after it.
 */
@Component
public class OrganisationLists {

	/** Rows kept in all (a page holds up to 500): some tens of megabytes at most. */
	private static final int ROWS = 100_000;

	/** One page of the list and the parents today of each organisation on it. */
	record Listed(PageOf<OrganisationSummary> result, Map<String, List<OrganisationRef>> parents) {
	}

	private record Key(Request request, LocalDate today) {
	}

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final DirectoryCache<Key, Listed> pages;

	OrganisationLists(Directory directory, DirectoryPageQueries queries, DirectoryGeneration generation) {
		this.directory = directory;
		this.queries = queries;
		this.pages = generation.rowCache(ROWS, listed -> listed.result().items().size());
	}

	/** The page the request asks for ({@link Directory#list}), with the parents of its organisations today. */
	Listed page(Request request) {
		LocalDate today = directory.today();
		return pages.get(new Key(request, today), key -> {
			PageOf<OrganisationSummary> result = directory.list(request.type(), request.parentCode(), request.query(),
					request.sort(), request.descending(), request.page(), request.size());
			return new Listed(result,
					queries.parentsOn(result.items().stream().map(OrganisationSummary::code).toList(), today));
		});
	}
}

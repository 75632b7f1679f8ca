package org.cocommission.directory.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cocommission.directory.Coverage;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;
import org.cocommission.directory.organisations.DirectoryPageQueries;

/**
 * Coverage on a date as the page shows it: the figures, and the practices and CCGs that break it, named and with
 * the parents they have then. The practices are paged (before CCGs existed every open practice breaks the rule, and
 * one page of 8,000 rows took seconds to show): those without a CCG first, then those in more than one.
 */
public record CoverageView(Coverage coverage, boolean today, Map<String, OrganisationRef> names,
		Map<String, List<OrganisationRef>> parents, List<String> pageWithoutCcg, List<String> pageInSeveralCcgs, int page,
		int size) {

	/** Practices a page shows unless asked otherwise. */
	static final int PAGE_SIZE = 50;

	public static CoverageView of(Coverage coverage, LocalDate today, DirectoryPageQueries queries, int page, int size) {
		List<String> problems = Stream.concat(coverage.practicesWithoutCcg().stream(),
				coverage.practicesInSeveralCcgs().stream()).toList();
		int pages = Math.max(1, (problems.size() + size - 1) / size);
		int shown = Math.min(Math.max(page, 1), pages);
		List<String> slice = problems.subList(Math.min((shown - 1) * size, problems.size()),
				Math.min(shown * size, problems.size()));
		List<String> without = slice.stream().filter(coverage.practicesWithoutCcg()::contains).toList();
		List<String> several = slice.stream().filter(code -> !without.contains(code)).toList();
		List<String> codes = Stream.of(slice, coverage.ccgsWithoutAreaTeam(), coverage.ccgsInSeveralAreaTeams())
			.flatMap(List::stream)
			.distinct()
			.toList();
		return new CoverageView(coverage, coverage.date().equals(today), queries.refs(codes),
				queries.parentsOn(codes, coverage.date()), without, several, shown, size);
	}

	public int practicesWithProblems() {
		return coverage.practicesWithoutCcg().size() + coverage.practicesInSeveralCcgs().size();
	}

	public int totalPages() {
		return Math.max(1, (practicesWithProblems() + size - 1) / size);
	}

	/** The first and last practice this page shows, counted from 1, for "Showing 51 to 100 of 8,069". */
	public int firstShown() {
		return practicesWithProblems() == 0 ? 0 : (page - 1) * size + 1;
	}

	public int lastShown() {
		return Math.min(page * size, practicesWithProblems());
	}

	/** The link to another page of the practices on this date, or null when there is no such page. */
	public String pageHref(int other) {
		if (other < 1 || other > totalPages()) {
			return null;
		}
		var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/coverage");
		if (!today) {
			uri.queryParam("date", coverage.date());
		}
		uri.queryParam("page", other);
		if (size != PAGE_SIZE) {
			uri.queryParam("size", size);
		}
		return uri.build().toUriString();
	}

	public int ccgsWithProblems() {
		return coverage.ccgsWithoutAreaTeam().size() + coverage.ccgsInSeveralAreaTeams().size();
	}

	public String name(String code) {
		OrganisationRef ref = names.get(code);
		return ref == null ? code : ref.name();
	}

	/** The parents of one kind an organisation has on the date: a practice's CCGs, a CCG's area teams. */
	public List<OrganisationRef> parentsOfType(String code, String type) {
		OrganisationType wanted = OrganisationType.valueOf(type);
		return parents.getOrDefault(code, List.of()).stream().filter(parent -> parent.type() == wanted).toList();
	}

	/** A CCG's parents in the tier above it on the date: area teams (2013-2015) or ICBs (from 1 July 2022). */
	public List<OrganisationRef> tierAbove(String code) {
		return parents.getOrDefault(code, List.of())
			.stream()
			.filter(parent -> parent.type() == OrganisationType.AREA_TEAM || parent.type() == OrganisationType.ICB)
			.toList();
	}
}

package org.cocommission.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Coverage on a date as the page shows it: the figures, and the practices and CCGs that break it, named and with
 * the parents they have then.
 */
record CoverageView(Coverage coverage, boolean today, Map<String, OrganisationRef> names,
		Map<String, List<OrganisationRef>> parents) {

	static CoverageView of(Coverage coverage, LocalDate today, DirectoryPageQueries queries) {
		List<String> codes = Stream
			.of(coverage.practicesWithoutCcg(), coverage.practicesInSeveralCcgs(), coverage.ccgsWithoutAreaTeam(),
					coverage.ccgsInSeveralAreaTeams())
			.flatMap(List::stream)
			.distinct()
			.toList();
		return new CoverageView(coverage, coverage.date().equals(today), queries.refs(codes),
				queries.parentsOn(codes, coverage.date()));
	}

	public int practicesWithProblems() {
		return coverage.practicesWithoutCcg().size() + coverage.practicesInSeveralCcgs().size();
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

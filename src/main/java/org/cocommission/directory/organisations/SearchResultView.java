package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cocommission.directory.ListSizePoint;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;

/**
 * A search hit as the type-ahead and the results page show it: what it is, where it is, who it belongs to, and (on the
 * results page) the registered list its organisation page shows, of the same extract.
 */
public record SearchResultView(OrganisationSummary organisation, List<OrganisationRef> parents, ListSizePoint listSize) {

	public static List<SearchResultView> of(List<OrganisationSummary> organisations, DirectoryPageQueries queries,
			LocalDate date) {
		return of(organisations, queries, date, Map.of());
	}

	public static List<SearchResultView> of(List<OrganisationSummary> organisations, DirectoryPageQueries queries,
			LocalDate date, Map<String, ListSizePoint> listSizes) {
		Map<String, List<OrganisationRef>> parents = queries
			.parentsOn(organisations.stream().map(OrganisationSummary::code).toList(), date);
		return organisations.stream()
			.map(organisation -> new SearchResultView(organisation, parents.getOrDefault(organisation.code(), List.of()),
					listSizes.get(organisation.code())))
			.toList();
	}

	public String typeLabel() {
		return organisation.practiceType() != null ? organisation.practiceType() : organisation.type().label();
	}

	/** The CCG a practice belongs to today, or whatever an organisation of another kind sits under. */
	public List<OrganisationRef> memberOf() {
		List<OrganisationRef> ccgs = parents.stream().filter(parent -> parent.type() == OrganisationType.CCG).toList();
		return ccgs.isEmpty() ? parents : ccgs;
	}
}

package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;

/** The few extra reads the directory's pages need beyond {@link Directory}: names for codes, parents in bulk, CSV rows. */
@Component
@Transactional(readOnly = true)
public class DirectoryPageQueries {

	private final JdbcClient jdbc;

	DirectoryPageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean exists(String code) {
		return jdbc.sql("select exists (select 1 from directory_organisation where code = ?)")
			.param(code)
			.query(Boolean.class)
			.single();
	}

	/** Code, name and type of each known code, in code order. */
	public Map<String, OrganisationRef> refs(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select code, name, type from directory_organisation where code in (:codes) order by code")
			.param("codes", codes)
			.query(OrganisationRef.class)
			.list()
			.stream()
			.collect(Collectors.toMap(OrganisationRef::code, ref -> ref, (first, second) -> first, LinkedHashMap::new));
	}

	/** The direct parents each organisation has on the date; more than one where links overlap. */
	public Map<String, List<OrganisationRef>> parentsOn(Collection<String> codes, LocalDate date) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select distinct r.child_code, o.code, o.name, o.type from directory_relationship r
				join directory_organisation o on o.code = r.parent_code
				where r.child_code in (:codes)
				  and valid_on(r.valid_from, r.valid_to, :date)
				order by r.child_code, o.name
				""")
			.param("codes", codes)
			.param("date", date)
			.query(ParentRow.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(ParentRow::childCode, LinkedHashMap::new, Collectors
				.mapping(row -> new OrganisationRef(row.code(), row.name(), row.type()), Collectors.toList())));
	}

	/**
	 * The organisations with, for those above practice level, the patients registered under them at the latest
	 * extract (in the hierarchy as it was then), as {@link OrganisationDetails#currentListSize()} counts them.
	 */
	List<OrganisationSummary> withTotals(List<OrganisationSummary> organisations) {
		List<String> above = organisations.stream()
			.filter(organisation -> organisation.type() != OrganisationType.GP_PRACTICE)
			.map(OrganisationSummary::code)
			.toList();
		if (above.isEmpty()) {
			return organisations;
		}
		Map<String, Long> totals = jdbc.sql("""
				with recursive latest as (
				    select max(extract_date) as extract_date from directory_registered_patients
				    where sex = 'ALL' and age_band = 'ALL'
				),
				down (root, code, depth) as (
				    select o.code, o.code, 0 from directory_organisation o where o.code in (:codes)
				    union
				    select down.root, r.child_code, down.depth + 1
				    from directory_relationship r join down on r.parent_code = down.code, latest
				    where valid_on(r.valid_from, r.valid_to, latest.extract_date)
				      and down.depth < 6
				),
				reached as (select distinct root, code from down)
				select reached.root, sum(p.patients) as patients
				from reached
				join latest on true
				join directory_registered_patients p on p.practice_code = reached.code
				  and p.extract_date = latest.extract_date and p.sex = 'ALL' and p.age_band = 'ALL'
				group by reached.root
				""")
			.param("codes", above)
			.query(Total.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Total::root, Total::patients));
		return organisations.stream()
			.map(organisation -> organisation.type() == OrganisationType.GP_PRACTICE ? organisation
					: new OrganisationSummary(organisation.code(), organisation.name(), organisation.type(),
							organisation.postcode(), organisation.status(), organisation.practiceType(),
							organisation.openDate(), organisation.closeDate(), totals.get(organisation.code()),
							organisation.placeholder()))
			.toList();
	}

	/** A parent of {@code childCode} on the date. */
	private record ParentRow(String childCode, String code, String name, OrganisationType type) {
	}

	private record Total(String root, long patients) {
	}
}

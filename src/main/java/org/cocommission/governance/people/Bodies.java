package org.cocommission.governance.people;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.governance.BodyChoice;
import org.cocommission.governance.GovernanceViews.BodyFound;
import org.cocommission.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register of bodies outside the directory: a body named in an interest is registered once, by its name as
 * {@link BodyNames} compares it, and gets its own id; an agenda item and an interest that choose it (or name it in any
 * spelling that compares the same) are linked by that id. Rule: docs/domain-rules.md, "Conflicts at meetings".
 */
@Component
public class Bodies {

	/** A registered body. */
	public record Body(long id, String name) {
	}

	private final JdbcClient jdbc;

	private final GovernanceAccess access;

	private final Directory directory;

	Bodies(JdbcClient jdbc, GovernanceAccess access, Directory directory) {
		this.jdbc = jdbc;
		this.access = access;
		this.directory = directory;
	}

	/** The registered bodies with these ids; an unknown id is refused on {@code field}. */
	public Map<Long, Body> byId(Collection<Long> ids, String field) {
		List<Long> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
		if (wanted.isEmpty()) {
			return Map.of();
		}
		Map<Long, Body> found = jdbc.sql("select id, name from governance_body where id in (:ids)")
			.param("ids", wanted)
			.query(Body.class)
			.stream()
			.collect(Collectors.toMap(Body::id, Function.identity()));
		for (Long id : wanted) {
			if (!found.containsKey(id)) {
				throw new InvalidInputException(field, "Choose the body again: it is not on the register");
			}
		}
		return found;
	}

	/**
	 * The registered bodies these names name, keyed by the name as compared; with {@code register}, names not yet on
	 * the register are added first (two statements, whatever the number of names).
	 */
	public Map<String, Body> byName(Collection<String> names, boolean register) {
		Map<String, String> wanted = new LinkedHashMap<>();
		names.stream()
			.filter(name -> name != null && !name.isBlank())
			.forEach(name -> wanted.putIfAbsent(BodyNames.normalise(name), name.trim()));
		wanted.remove("");
		if (wanted.isEmpty()) {
			return Map.of();
		}
		if (register) {
			jdbc.sql("insert into governance_body (name, normalised_name, registered_by)"
					+ " select name, normalised, :by from unnest(:names, :normalised) as n(name, normalised)"
					+ " on conflict (normalised_name) do nothing")
				.param("names", wanted.values().toArray(String[]::new))
				.param("normalised", wanted.keySet().toArray(String[]::new))
				.param("by", access.actor())
				.update();
		}
		record Row(long id, String name, String normalisedName) {
		}
		return jdbc.sql("select id, name, normalised_name from governance_body where normalised_name in (:names)")
			.param("names", List.copyOf(wanted.keySet()))
			.query(Row.class)
			.stream()
			.collect(Collectors.toMap(Row::normalisedName, row -> new Body(row.id(), row.name())));
	}

	/** The body a page chose, named as the directory or the register names it; empty when neither knows it. */
	public java.util.Optional<BodyFound> describe(BodyChoice choice) {
		if (choice.organisationCode() != null) {
			return java.util.Optional.ofNullable(directory.refs(List.of(choice.organisationCode())).get(choice.organisationCode()))
				.map(organisation -> new BodyFound(choice, organisation.name(), organisation.type().label()));
		}
		return jdbc.sql("select id, name from governance_body where id = ?")
			.param(choice.bodyId())
			.query(Body.class)
			.optional()
			.map(body -> new BodyFound(choice, body.name(), "register of bodies"));
	}

	/**
	 * The bodies a query names, for the type-ahead: organisations in the directory by ODS code or name, then bodies on
	 * the register whose name holds every word typed.
	 */
	public List<BodyFound> search(String query, int limit) {
		if (query == null || query.isBlank()) {
			return List.of();
		}
		List<BodyFound> found = new ArrayList<>();
		String words = BodyNames.normalise(query);
		if (!words.isEmpty()) {
			jdbc.sql("select id, name from governance_body b where (select bool_and(b.normalised_name like '%' || w || '%')"
					+ " from unnest(string_to_array(?, ' ')) w) order by name limit ?")
				.params(words, limit)
				.query(Body.class)
				.list()
				.forEach(body -> found.add(new BodyFound(BodyChoice.ofBody(body.id()), body.name(), "register of bodies")));
		}
		for (OrganisationSummary organisation : directory.search(query.trim(), limit)) {
			found.add(new BodyFound(BodyChoice.ofOrganisation(organisation.code()), organisation.name(),
					organisation.type().label()));
		}
		return found.stream().limit(limit).toList();
	}
}

package org.cocommission.governance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cocommission.governance.meetings.ConflictDetection.MemberInterests;
import org.cocommission.governance.meetings.ConflictDetection;
import org.cocommission.governance.meetings.Meetings;
import org.cocommission.governance.people.BodyNames;
import org.cocommission.governance.people.GovernanceAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registers of interests say about one person and one body, for other modules (a call-off's evaluators):
 * whether the person has a declared interest in the body on a date, and which. A declaration or a link (their own or a
 * close relative's) counts, matched as conflicts at meetings match them: by the body's ODS code, or by its name as
 * {@link BodyNames} compares names (docs/domain-rules.md, "Conflicts at meetings" and "Registers and declarations").
 * Read by whoever may read the person's CCG's registers.
 */
@Service
@Transactional(readOnly = true)
public class RegisteredInterests {

	/** A person on a CCG's registers. */
	public record RegisteredPerson(long id, String ccgCode, String name, String role) {
	}

	/**
	 * A body asked about: its ODS code where it has one (a practice, a commissioning support unit), its name, or both.
	 */
	public record Body(String organisationCode, String name) {

		public Body {
			organisationCode = organisationCode == null || organisationCode.isBlank() ? null
					: organisationCode.trim().toUpperCase(java.util.Locale.ROOT);
			name = name == null || name.isBlank() ? null : name.trim();
			if (organisationCode == null && name == null) {
				throw new IllegalArgumentException("A body needs an ODS code or a name");
			}
		}
	}

	/**
	 * One interest in the body on the date: its category in words, its description, when it started and ended (null
	 * while it lasts), and whether it comes from a link (to a practice or provider, the person's or a relative's)
	 * rather than a declaration.
	 */
	public record DeclaredInterest(long personId, String category, boolean financial, String description,
			LocalDate from, LocalDate to, boolean linked) {
	}

	private record PersonRow(long id, String ccgCode, String name, MemberRole role) {
	}

	private final JdbcClient jdbc;

	private final GovernanceAccess access;

	private final Meetings meetings;

	RegisteredInterests(JdbcClient jdbc, GovernanceAccess access, Meetings meetings) {
		this.jdbc = jdbc;
		this.access = access;
		this.meetings = meetings;
	}

	/** The people on the CCG's registers, by name. */
	public List<RegisteredPerson> people(String ccg) {
		access.checkRead(ccg);
		return jdbc.sql("select id, ccg_code, name, role from governance_person where ccg_code = ? order by name, id")
			.param(ccg)
			.query(PersonRow.class)
			.list()
			.stream()
			.map(RegisteredInterests::person)
			.toList();
	}

	/** The person with this id, if on any CCG's registers the caller may read. */
	public Optional<RegisteredPerson> person(long personId) {
		Optional<PersonRow> row = jdbc.sql("select id, ccg_code, name, role from governance_person where id = ?")
			.param(personId)
			.query(PersonRow.class)
			.optional();
		row.ifPresent(found -> access.checkRead(found.ccgCode()));
		return row.map(RegisteredInterests::person);
	}

	/**
	 * The person's interests in the body that cover the date, from their declarations and links; empty when the
	 * registers show none (or the person is unknown). A link and a declaration of the same tie count once.
	 */
	public List<DeclaredInterest> interestsIn(long personId, Body body, LocalDate on) {
		return interestsIn(List.of(personId), List.of(body), on).getOrDefault(personId, Map.of())
			.getOrDefault(body, List.of());
	}

	/**
	 * As {@link #interestsIn(long, Body, LocalDate)} for several people and bodies at once (one read of the
	 * registers): by person, then by body, only those with an interest.
	 */
	public Map<Long, Map<Body, List<DeclaredInterest>>> interestsIn(Collection<Long> personIds, Collection<Body> bodies,
			LocalDate on) {
		Map<Long, Map<Body, List<DeclaredInterest>>> found = new LinkedHashMap<>();
		if (personIds.isEmpty() || bodies.isEmpty()) {
			return found;
		}
		List<PersonRow> people = jdbc.sql("select id, ccg_code, name, role from governance_person where id in (:ids)")
			.param("ids", List.copyOf(personIds))
			.query(PersonRow.class)
			.list();
		people.stream().map(PersonRow::ccgCode).distinct().forEach(access::checkRead);
		if (people.isEmpty()) {
			return found;
		}
		List<AffectedOrganisation> affected = new java.util.ArrayList<>();
		for (Body body : bodies) {
			affected.add(new AffectedOrganisation(AffectedOrganisation.Kind.PROVIDER, body.organisationCode(),
					body.name()));
		}
		for (MemberInterests member : meetings.interestsOf(people.stream().map(PersonRow::id).toList())) {
			int index = 0;
			for (Body body : bodies) {
				List<DeclaredInterest> interests = ConflictDetection
					.detect(List.of(member), List.of(affected.get(index++)), ItemKind.DECISION, on)
					.stream()
					.flatMap(conflict -> conflict.interests().stream())
					.map(interest -> new DeclaredInterest(member.personId(), interest.category().label(),
							interest.category() == InterestCategory.FINANCIAL, interest.description(), interest.from(),
							interest.to(), interest.linked()))
					.toList();
				if (!interests.isEmpty()) {
					found.computeIfAbsent(member.personId(), id -> new LinkedHashMap<>()).put(body, interests);
				}
			}
		}
		return found;
	}

	private static RegisteredPerson person(PersonRow row) {
		return new RegisteredPerson(row.id(), row.ccgCode(), row.name(), row.role().label());
	}
}

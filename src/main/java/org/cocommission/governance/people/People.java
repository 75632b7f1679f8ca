package org.cocommission.governance.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.DeclarationDeadlines;
import org.cocommission.governance.GovernanceRequests.NewLink;
import org.cocommission.governance.GovernanceRequests.NewPerson;
import org.cocommission.governance.GovernanceViews.LinkView;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.governance.Interest;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.LinkRelationship;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.interests.GovernanceSettings;
import org.cocommission.governance.shared.BatchInserts;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.cocommission.governance.shared.GovernanceText.blank;
import static org.cocommission.governance.shared.GovernanceText.blankToNull;

/**
 * The people of a CCG's governing body and committees, their roles and votes, their links to organisations (their own
 * and their relatives'), and when their declarations are next due.
 */
@Component
@Transactional
public class People {

	public static final String AUDITED = "GOVERNANCE_PERSON";

	public record PersonRow(long id, String ccgCode, String name, MemberRole role, boolean voting, String title,
			String username, LocalDate joinedOn, int version) {
	}

	/** A person with what their due date is reckoned from: their last return and their latest interest. */
	private record PersonDates(long id, String name, MemberRole role, boolean voting, String title, String username,
			LocalDate joinedOn, LocalDate lastReturn, LocalDate latestInterest) {
	}

	/** A link as stored, with whose it is. */
	private record StoredLink(long personId, long id, LinkRelationship relationship, String organisationCode,
			String bodyName, String relative, LocalDate validFrom, LocalDate validTo) {

		LinkView view() {
			return new LinkView(id, relationship, organisationCode, null, bodyName, relative, validFrom, validTo);
		}
	}

	private final JdbcClient jdbc;

	private final GovernanceAccess access;

	private final AuditTrail audit;

	private final Organisations organisations;

	private final GovernanceSettings settings;

	private final UserAccounts accounts;

	private final Clock clock;

	private final BatchInserts batch;

	private final Bodies bodies;

	People(JdbcClient jdbc, GovernanceAccess access, AuditTrail audit, Organisations organisations,
			GovernanceSettings settings, UserAccounts accounts, Clock clock, BatchInserts batch, Bodies bodies) {
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.batch = batch;
		this.access = access;
		this.audit = audit;
		this.organisations = organisations;
		this.settings = settings;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** The person, refused unless they belong to {@code ccg}. */
	public PersonRow personOf(String ccg, long id) {
		return peopleOf(ccg, List.of(id)).get(id);
	}

	/** These people in one query, refused if any is unknown or belongs to another CCG. */
	public Map<Long, PersonRow> peopleOf(String ccg, Collection<Long> ids) {
		Map<Long, PersonRow> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("select * from governance_person where id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query(PersonRow.class)
			.list()
			.forEach(person -> found.put(person.id(), person));
		for (Long id : ids) {
			PersonRow person = found.get(id);
			if (person == null) {
				throw new NoSuchElementException("No person " + id);
			}
			if (!person.ccgCode().equals(ccg)) {
				throw new IllegalArgumentException(person.name() + " belongs to CCG " + person.ccgCode() + ", not " + ccg);
			}
		}
		return found;
	}

	public List<Long> addPeople(String ccg, List<NewPerson> requests) {
		access.checkLead(ccg);
		organisations.checkCcg(ccg);
		LocalDate today = LocalDate.now(clock);
		List<Object[]> rows = new ArrayList<>();
		for (NewPerson request : requests) {
			if (blank(request.name())) {
				throw new InvalidInputException("name", "A person needs a name");
			}
			if (request.role() == null) {
				throw new InvalidInputException("role", "Choose " + request.name() + "'s role");
			}
			boolean voting = request.voting() != null ? request.voting() : request.role().votingByDefault();
			LocalDate joined = request.joinedOn() != null ? request.joinedOn() : today;
			String username = blankToNull(request.username());
			if (username != null) {
				String accountOrganisation = accounts.find(username)
					.orElseThrow(() -> new InvalidInputException("username", "No account called " + request.username()))
					.organisationCode();
				if (!accountOrganisation.equals(ccg)) {
					throw new InvalidInputException("username", "Account " + username + " belongs to "
							+ accountOrganisation + ", not " + ccg);
				}
			}
			rows.add(new Object[] { ccg, request.name().trim(), request.role().name(), voting, blankToNull(request.title()),
					username, joined });
		}
		List<Long> ids = batch.insert("insert into governance_person (ccg_code, name, role, voting, title, username,"
				+ " joined_on) values (?, ?, ?, ?, ?, ?, ?)", rows);
		List<AuditEntry> entries = new ArrayList<>();
		for (int index = 0; index < ids.size(); index++) {
			entries.add(new AuditEntry("PERSON_ADDED", AUDITED, String.valueOf(ids.get(index)), ccg, null,
					requests.get(index)));
		}
		audit.recordAll(entries);
		return ids;
	}

	/** Adds links of several people in one batch ({@code personId -> links}); refuses them all if any is wrong. */
	public List<Long> addLinks(String ccg, Map<Long, List<NewLink>> links) {
		Map<Long, PersonRow> people = peopleOf(ccg, links.keySet());
		List<String> codes = links.values().stream().flatMap(List::stream)
			.map(link -> blankToNull(link.organisationCode()))
			.filter(code -> code != null)
			.map(String::toUpperCase)
			.toList();
		var known = organisations.find(codes);
		List<NewLink> all = links.values().stream().flatMap(List::stream).toList();
		Map<Long, Bodies.Body> chosen = bodies.byId(all.stream().map(NewLink::bodyId).toList(), "bodyId");
		Map<String, Bodies.Body> named = bodies.byName(all.stream()
			.filter(link -> link.bodyId() == null && blankToNull(link.organisationCode()) == null)
			.map(NewLink::bodyName)
			.toList(), true);
		List<Object[]> rows = new ArrayList<>();
		List<NewLink> requests = new ArrayList<>();
		for (Map.Entry<Long, List<NewLink>> entry : links.entrySet()) {
			access.checkOwnOrLead(people.get(entry.getKey()));
			for (NewLink request : entry.getValue()) {
				if (request.relationship() == null) {
					throw new InvalidInputException("relationship", "Choose the relationship to the organisation");
				}
				Bodies.Body body = request.bodyId() != null ? chosen.get(request.bodyId())
						: blankToNull(request.organisationCode()) == null
								? named.get(BodyNames.normalise(request.bodyName())) : null;
				String bodyName = request.bodyId() != null ? body.name() : blankToNull(request.bodyName());
				String code = Organisations.checkCode(request.organisationCode(), bodyName, known);
				new Interest(InterestCategory.FINANCIAL, code, bodyName, "link", Interest.startOf(request.from()),
						request.to());
				rows.add(new Object[] { entry.getKey(), request.relationship().name(), code, bodyName,
						blankToNull(request.relative()), request.from(), request.to(), body == null ? null : body.id() });
				requests.add(request);
			}
		}
		List<Long> ids = batch.insert("insert into governance_person_link (person_id, relationship, organisation_code,"
				+ " body_name, relative, valid_from, valid_to, body_id) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
		List<AuditEntry> entries = new ArrayList<>();
		for (int index = 0; index < ids.size(); index++) {
			entries.add(new AuditEntry("LINK_ADDED", "GOVERNANCE_LINK", String.valueOf(ids.get(index)), ccg, null,
					requests.get(index)));
		}
		audit.recordAll(entries);
		return ids;
	}

	/** Everyone of the CCG with their links and next due date; overdue flagged. */
	public List<PersonView> people(String ccg) {
		DeclarationDeadlines deadlines = settings.deadlines();
		LocalDate today = LocalDate.now(clock);
		Map<Long, List<LinkView>> links = new HashMap<>();
		jdbc.sql("select l.* from governance_person_link l join governance_person p on p.id = l.person_id"
				+ " where p.ccg_code = ? order by l.valid_from, l.id")
			.param(ccg)
			.query(StoredLink.class)
			.list()
			.forEach(link -> links.computeIfAbsent(link.personId(), id -> new ArrayList<>()).add(link.view()));
		links.replaceAll((person, of) -> organisations.named(of));
		return jdbc.sql("""
				select p.*,
				  (select max(r.returned_on) from governance_declaration_return r where r.person_id = p.id) as last_return,
				  greatest(
				    (select max(d.valid_from) from governance_declaration d where d.person_id = p.id),
				    (select max(l.valid_from) from governance_person_link l where l.person_id = p.id)) as latest_interest
				from governance_person p where p.ccg_code = ? order by p.role, p.name
				""")
			.param(ccg)
			.query(PersonDates.class)
			.list()
			.stream()
			.map(person -> {
				LocalDate due = deadlines.dueOn(person.joinedOn(), person.lastReturn(), person.latestInterest());
				return new PersonView(person.id(), ccg, person.name(), person.role(), person.voting(), person.title(),
						person.username(), person.joinedOn(), person.lastReturn(), due, deadlines.isOverdue(due, today),
						links.getOrDefault(person.id(), List.of()));
			})
			.toList();
	}


	/** The people with a linked account whose declarations are overdue, for reminders. */
	public List<PersonView> overdueWithAccounts() {
		List<String> ccgs = jdbc.sql("select distinct ccg_code from governance_person where username is not null")
			.query(String.class)
			.list();
		List<PersonView> overdue = new ArrayList<>();
		for (String ccg : ccgs) {
			people(ccg).stream().filter(p -> p.overdue() && p.username() != null).forEach(overdue::add);
		}
		return overdue;
	}

	/** Members of the CCG's governing body whose declarations are overdue. */
	public List<PersonView> overdueGoverningBodyMembers(String ccg) {
		List<Long> governingBody = jdbc.sql("select m.person_id from governance_committee_member m"
				+ " join governance_committee c on c.id = m.committee_id where c.ccg_code = ? and c.kind = ?")
			.params(ccg, CommitteeKind.GOVERNING_BODY.name())
			.query(Long.class)
			.list();
		return people(ccg).stream().filter(p -> p.overdue() && governingBody.contains(p.id())).toList();
	}

	public boolean hasData(String ccg) {
		return jdbc.sql("select exists (select 1 from governance_person where ccg_code = ?)")
			.param(ccg)
			.query(Boolean.class)
			.single();
	}

	public boolean hasAnyData() {
		return jdbc.sql("select exists (select 1 from governance_person)").query(Boolean.class).single();
	}
}

package org.cocommission.governance.interests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.governance.GovernanceRequests.NewDeclaration;
import org.cocommission.governance.GovernanceRequests.SensitiveMarking;
import org.cocommission.governance.GovernanceViews.DeclarationView;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.governance.GovernanceViews.Register;
import org.cocommission.governance.Interest;
import org.cocommission.governance.InterestDeclared;
import org.cocommission.governance.people.Bodies;
import org.cocommission.governance.people.BodyNames;
import org.cocommission.governance.people.GovernanceAccess;
import org.cocommission.governance.people.Organisations;
import org.cocommission.governance.people.People.PersonRow;
import org.cocommission.governance.people.People;
import org.cocommission.governance.shared.BatchInserts;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.cocommission.governance.shared.GovernanceText.blank;
import static org.cocommission.governance.shared.GovernanceText.blankToNull;

/**
 * The register of interests (s.14O NHS Act 2006): declarations by category, nil returns, the guardian's decisions to
 * withhold sensitive entries, and the published register, which leaves those out and keeps ended interests for the
 * configured months.
 */
@Component
@Transactional
public class InterestsRegister {

	private static final String SELECT = """
			select d.id, d.person_id, p.name as person_name, p.role, d.category, d.description, d.organisation_code,
			  d.body_name, d.valid_from as "from", d.valid_to as "to", d.action_taken, d.declared_on, d.sensitive,
			  d.sensitive_reason, d.sensitive_decided_by, d.version
			from governance_declaration d join governance_person p on p.id = d.person_id""";

	private final JdbcClient jdbc;

	private final GovernanceAccess access;

	private final AuditTrail audit;

	private final Organisations organisations;

	private final GovernanceSettings settings;

	private final People people;

	private final Clock clock;

	private final BatchInserts batch;

	private final ApplicationEventPublisher events;

	private final Bodies bodies;

	InterestsRegister(JdbcClient jdbc, GovernanceAccess access, AuditTrail audit, Organisations organisations,
			GovernanceSettings settings, People people, Clock clock, BatchInserts batch, ApplicationEventPublisher events,
			Bodies bodies) {
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.events = events;
		this.batch = batch;
		this.access = access;
		this.audit = audit;
		this.organisations = organisations;
		this.settings = settings;
		this.people = people;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Declarations of several people in one batch ({@code personId -> declarations}); each counts as a return. */
	public List<Long> declareAll(String ccg, Map<Long, List<NewDeclaration>> declarations) {
		Map<Long, PersonRow> persons = people.peopleOf(ccg, declarations.keySet());
		var known = organisations.find(declarations.values().stream().flatMap(List::stream)
			.map(declaration -> blankToNull(declaration.organisationCode()))
			.filter(code -> code != null)
			.map(String::toUpperCase)
			.toList());
		List<NewDeclaration> all = declarations.values().stream().flatMap(List::stream).toList();
		Map<Long, Bodies.Body> chosen = bodies.byId(all.stream().map(NewDeclaration::bodyId).toList(), "bodyId");
		Map<String, Bodies.Body> named = bodies.byName(all.stream()
			.filter(declaration -> declaration.bodyId() == null && blank(declaration.organisationCode()))
			.map(NewDeclaration::bodyName)
			.toList(), true);
		List<Object[]> rows = new ArrayList<>();
		List<NewDeclaration> requests = new ArrayList<>();
		List<Long> declarers = new ArrayList<>();
		List<Object[]> returns = new ArrayList<>();
		for (Map.Entry<Long, List<NewDeclaration>> entry : declarations.entrySet()) {
			access.checkOwnOrLead(persons.get(entry.getKey()));
			for (NewDeclaration request : entry.getValue()) {
				if (request.category() == null) {
					throw new InvalidInputException("category", "Choose the category of interest");
				}
				if (blank(request.description())) {
					throw new InvalidInputException("description", "Describe the interest");
				}
				Bodies.Body body = request.bodyId() != null ? chosen.get(request.bodyId())
						: blank(request.organisationCode()) ? named.get(BodyNames.normalise(request.bodyName())) : null;
				String bodyName = request.bodyId() != null ? body.name() : blankToNull(request.bodyName());
				String code = Organisations.checkCode(request.organisationCode(), bodyName, known);
				new Interest(request.category(), code, bodyName, request.description(),
						Interest.startOf(request.from()), request.to());
				rows.add(new Object[] { entry.getKey(), request.category().name(), request.description().trim(), code,
						bodyName, request.from(), request.to(), blankToNull(request.actionTaken()), today(),
						body == null ? null : body.id() });
				requests.add(request);
				declarers.add(entry.getKey());
			}
			returns.add(new Object[] { entry.getKey(), today(), false, access.actor() });
		}
		List<Long> ids = batch.insert("insert into governance_declaration (person_id, category, description,"
				+ " organisation_code, body_name, valid_from, valid_to, action_taken, declared_on, body_id)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		batch.insert("insert into governance_declaration_return (person_id, returned_on, nil, recorded_by)"
				+ " values (?, ?, ?, ?)", returns);
		for (int index = 0; index < ids.size(); index++) {
			events.publishEvent(new InterestDeclared(ids.get(index), declarers.get(index), ccg, requests.get(index)));
		}
		return ids;
	}

	/** A nil return: the person confirms they have nothing (more) to declare. */
	public void nilReturn(String ccg, long personId) {
		access.checkOwnOrLead(people.personOf(ccg, personId));
		recordReturn(personId, true);
		audit.record(new AuditEntry("NIL_RETURN", People.AUDITED, String.valueOf(personId), ccg, null,
				Map.of("returnedOn", today().toString())));
	}

	/** Records past returns in one batch (demo data, imports); each is {@code personId -> returnedOn}. */
	public void recordReturns(String ccg, Map<Long, LocalDate> returns) {
		access.checkLead(ccg);
		people.peopleOf(ccg, returns.keySet());
		// One statement for the whole batch: a round trip per person is what made loading every CCG slow.
		List<Map.Entry<Long, LocalDate>> rows = List.copyOf(returns.entrySet());
		jdbc.sql("insert into governance_declaration_return (person_id, returned_on, nil, recorded_by)"
				+ " select r.person_id, cast(r.returned_on as date), false, :actor"
				+ " from unnest(cast(:people as bigint[]), cast(:dates as varchar[])) as r(person_id, returned_on)")
			.param("people", rows.stream().map(Map.Entry::getKey).toArray(Long[]::new))
			.param("dates", rows.stream().map(row -> row.getValue().toString()).toArray(String[]::new))
			.param("actor", access.actor())
			.update();
		audit.record(new AuditEntry("RETURNS_RECORDED", People.AUDITED, ccg, ccg, null, Map.of("returns", returns)));
	}

	private void recordReturn(long personId, boolean nil) {
		jdbc.sql("insert into governance_declaration_return (person_id, returned_on, nil, recorded_by) values (?, ?, ?, ?)")
			.params(personId, today(), nil, access.actor())
			.update();
	}

	/** The conflict of interest guardian withholds an entry from the published register, or publishes it again. */
	public void markSensitive(String ccg, long declarationId, SensitiveMarking marking) {
		DeclarationView before = declaration(declarationId);
		people.personOf(ccg, before.personId());
		access.checkGuardian(ccg);
		if (marking.sensitive() && blank(marking.reason())) {
			throw new InvalidInputException("reason", "Give the reason the entry is withheld from the published register");
		}
		int updated = jdbc.sql("update governance_declaration set sensitive = ?, sensitive_reason = ?,"
				+ " sensitive_decided_by = ?, sensitive_decided_at = now(), version = version + 1"
				+ " where id = ? and version = ?")
			.params(marking.sensitive(), blankToNull(marking.reason()), access.actor(), declarationId, marking.version())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("Declaration " + declarationId + " was changed by someone else");
		}
		audit.record(new AuditEntry(marking.sensitive() ? "MARKED_SENSITIVE" : "MARKED_NOT_SENSITIVE",
				"GOVERNANCE_DECLARATION", String.valueOf(declarationId), ccg, before, declaration(declarationId)));
	}

	private DeclarationView declaration(long id) {
		return jdbc.sql(SELECT + " where d.id = ?")
			.param(id)
			.query(DeclarationView.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No declaration " + id));
	}

	private List<DeclarationView> declarationsOf(String ccg) {
		return jdbc.sql(SELECT + " where p.ccg_code = ? order by p.name, d.valid_from, d.id")
			.param(ccg)
			.query(DeclarationView.class)
			.list();
	}

	/** The CCG's full register of interests with every person's due date (overdue flagged). */
	public Register register(String ccg) {
		organisations.checkCcg(ccg);
		List<PersonView> persons = people.people(ccg);
		List<DeclarationView> declarations = declarationsOf(ccg);
		return new Register(ccg, persons, declarations, persons.stream().filter(PersonView::overdue).count(),
				declarations.stream().filter(DeclarationView::sensitive).count());
	}

	/**
	 * The published register: entries not marked sensitive, current or ended within the configured months. It says how
	 * many entries were withheld, not what they are; the guardian's reasons stay in the full register and the audit
	 * trail.
	 */
	public Register publishedRegister(String ccg) {
		organisations.checkCcg(ccg);
		LocalDate endedAfter = today().minusMonths(settings.publishedAfterEndMonths());
		List<DeclarationView> all = declarationsOf(ccg);
		List<DeclarationView> shown = all.stream()
			.filter(entry -> !entry.sensitive())
			.filter(entry -> entry.to() == null || !entry.to().isBefore(endedAfter))
			.map(entry -> new DeclarationView(entry.id(), entry.personId(), entry.personName(), entry.role(),
					entry.category(), entry.description(), entry.organisationCode(), entry.bodyName(), entry.from(),
					entry.to(), entry.actionTaken(), entry.declaredOn(), false, null, null, entry.version()))
			.toList();
		return new Register(ccg, List.of(), shown, 0, all.stream().filter(DeclarationView::sensitive).count());
	}
}

package org.cocommission.governance.meetings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;
import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceViews.AttendeeView;
import org.cocommission.governance.GovernanceViews.CommitteeView;
import org.cocommission.governance.GovernanceViews.ConflictView;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.LinkView;
import org.cocommission.governance.GovernanceViews.MeetingSummary;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.governance.GovernanceViews.MemberView;
import org.cocommission.governance.GovernanceViews.PossibleConflictView;
import org.cocommission.governance.GovernanceViews.VoteView;
import org.cocommission.governance.Handling;
import org.cocommission.governance.Interest;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.ItemStatus;
import org.cocommission.governance.LinkRelationship;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.QuorumRule;
import org.cocommission.governance.Vote;
import org.cocommission.governance.committees.Committees;
import org.cocommission.governance.meetings.ConflictDetection.Conflict;
import org.cocommission.governance.meetings.ConflictDetection.MemberInterests;
import org.cocommission.governance.meetings.ConflictDetection.PossibleConflict;
import org.cocommission.governance.people.Bodies;
import org.cocommission.governance.people.BodyNames;
import org.cocommission.governance.people.GovernanceAccess;
import org.cocommission.governance.people.Organisations;
import org.cocommission.platform.InvalidInputException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.cocommission.governance.shared.GovernanceText.blank;

/**
 * Committee meetings and their agenda items, and the view of a meeting the chair works from: for every item who is
 * conflicted (from the registers and links, on the meeting date), the handling required and recorded, whether the
 * meeting stays quorate after exclusions, and the votes.
 */
@Component
@Transactional
public class Meetings {

	/** A declaration ({@code source} 0) or a link (1) on the registers, as stored. */
	private record RegisteredInterest(int source, long id, long personId, InterestCategory category, String description,
			String organisationCode, String bodyName, LocalDate validFrom, LocalDate validTo,
			LinkRelationship relationship, String relative, Long bodyId) {
	}

	/** Whether a member was at the meeting, as recorded. */
	record Presence(long personId, boolean present) {
	}

	public record MeetingRow(long id, long committeeId, String ccgCode, LocalDate heldOn, String title,
			LocalDate minutesApprovedOn) {
	}

	private record ItemRow(long id, int position, String title, ItemKind kind, boolean procurement, ItemStatus status,
			String decision, String referredTo, int version) {
	}

	private final JdbcClient jdbc;

	private final GovernanceAccess access;

	private final AuditTrail audit;

	private final Organisations organisations;

	private final Committees committees;

	private final JsonMapper json;

	private final Bodies bodies;

	Meetings(JdbcClient jdbc, GovernanceAccess access, AuditTrail audit, Organisations organisations,
			Committees committees, JsonMapper json, Bodies bodies) {
		this.jdbc = jdbc;
		this.bodies = bodies;
		this.json = json;
		this.access = access;
		this.audit = audit;
		this.organisations = organisations;
		this.committees = committees;
	}

	public long create(String ccg, NewMeeting request) {
		access.checkLead(ccg);
		CommitteeView committee = committees.committee(request.committeeId());
		if (!committee.ccgCode().equals(ccg)) {
			throw new IllegalArgumentException("Committee " + committee.name() + " belongs to CCG " + committee.ccgCode());
		}
		if (request.heldOn() == null || blank(request.title())) {
			throw new InvalidInputException(request.heldOn() == null ? "heldOn" : "title", "A meeting needs a date and a title");
		}
		List<NewItem> items = request.items() == null ? List.of()
				: request.items().stream().map(this::withRegisteredBodies).toList();
		List<Map<String, OrganisationRef>> known = items.stream().map(this::checkItem).toList();
		long id = jdbc.sql("insert into governance_meeting (committee_id, held_on, title) values (?, ?, ?) returning id")
			.params(request.committeeId(), request.heldOn(), request.title().trim())
			.query(Long.class)
			.single();
		for (int index = 0; index < items.size(); index++) {
			insertItem(id, index + 1, items.get(index), known.get(index));
		}
		audit.record(new AuditEntry("MEETING_CREATED", "GOVERNANCE_MEETING", String.valueOf(id), ccg, null, request));
		return id;
	}

	public long addItem(long meetingId, NewItem request) {
		MeetingRow meeting = meetingRow(meetingId);
		access.checkLead(meeting.ccgCode());
		NewItem item = withRegisteredBodies(request);
		var known = checkItem(item);
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from governance_agenda_item where meeting_id = ?")
			.param(meetingId)
			.query(Integer.class)
			.single();
		long id = insertItem(meetingId, position, item, known);
		audit.record(new AuditEntry("ITEM_ADDED", "GOVERNANCE_ITEM", String.valueOf(id), meeting.ccgCode(), null, item));
		return id;
	}

	/**
	 * The item with each body chosen from the register of bodies named as registered, and each body named in free
	 * text linked to the register's entry when its name compares the same (docs/domain-rules.md, "Conflicts at
	 * meetings"); other names stay free text, matched by name.
	 */
	private NewItem withRegisteredBodies(NewItem item) {
		if (item == null || item.affected() == null) {
			return item;
		}
		List<AffectedOrganisation> affected = item.affected();
		Map<Long, Bodies.Body> chosen = bodies.byId(affected.stream().map(AffectedOrganisation::bodyId).toList(),
				"affected");
		Map<String, Bodies.Body> named = bodies.byName(affected.stream()
			.filter(organisation -> organisation.bodyId() == null && organisation.organisationCode() == null)
			.map(AffectedOrganisation::bodyName)
			.toList(), false);
		List<AffectedOrganisation> resolved = affected.stream().map(organisation -> {
			if (organisation.bodyId() != null) {
				return organisation.withBodyName(chosen.get(organisation.bodyId()).name());
			}
			Bodies.Body body = organisation.organisationCode() == null
					? named.get(BodyNames.normalise(organisation.bodyName())) : null;
			return body == null ? organisation : organisation.withBodyId(body.id());
		}).toList();
		return new NewItem(item.title(), item.kind(), item.procurement(), resolved);
	}

	private static List<AffectedOrganisation> affectedOf(NewItem item) {
		return item.affected() == null ? List.of() : item.affected();
	}

	/** Checks the item and returns the affected organisations it names, as the directory knows them. */
	private Map<String, OrganisationRef> checkItem(NewItem item) {
		if (item == null || blank(item.title()) || item.kind() == null) {
			throw new InvalidInputException(item == null || blank(item.title()) ? "title" : "kind",
					"An agenda item needs a title and a kind (decision, discussion or information)");
		}
		Map<String, OrganisationRef> known = organisations.find(affectedOf(item).stream()
			.map(AffectedOrganisation::organisationCode)
			.filter(code -> code != null)
			.toList());
		for (AffectedOrganisation organisation : affectedOf(item)) {
			if (organisation.organisationCode() != null) {
				OrganisationRef details = known.get(organisation.organisationCode());
				if (details == null) {
					throw new InvalidInputException("affected", "No organisation has the code " + organisation.organisationCode());
				}
				if (organisation.kind() == AffectedOrganisation.Kind.PRACTICE && details.type() != OrganisationType.GP_PRACTICE) {
					throw new InvalidInputException("affected", organisation.organisationCode() + " is not a GP practice");
				}
			}
		}
		return known;
	}

	private long insertItem(long meetingId, int position, NewItem item, Map<String, OrganisationRef> known) {
		long id = jdbc.sql("insert into governance_agenda_item (meeting_id, position, title, kind, procurement, status)"
				+ " values (?, ?, ?, ?, ?, 'OPEN') returning id")
			.params(meetingId, position, item.title().trim(), item.kind().name(), item.isProcurement())
			.query(Long.class)
			.single();
		for (AffectedOrganisation organisation : affectedOf(item)) {
			String name = organisation.bodyName();
			if (name == null && organisation.organisationCode() != null) {
				name = known.get(organisation.organisationCode()).name();
			}
			jdbc.sql("insert into governance_item_organisation (item_id, kind, organisation_code, body_name, body_id)"
					+ " values (?, ?, ?, ?, ?)")
				.params(id, organisation.kind().name(), organisation.organisationCode(), name, organisation.bodyId())
				.update();
		}
		history(id, ItemStatus.OPEN, null);
		return id;
	}

	/** Appends to the item's status history. */
	void history(long itemId, ItemStatus status, String note) {
		jdbc.sql("insert into governance_item_status_history (item_id, status, note, changed_by) values (?, ?, ?, ?)")
			.params(itemId, status.name(), note, access.actor())
			.update();
	}

	public MeetingRow meetingRow(long id) {
		return jdbc.sql("select m.*, c.ccg_code from governance_meeting m join governance_committee c on c.id = m.committee_id"
				+ " where m.id = ?")
			.param(id)
			.query(MeetingRow.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No meeting " + id));
	}

	MeetingRow meetingOfItem(long itemId) {
		return jdbc.sql("select m.*, c.ccg_code from governance_agenda_item i join governance_meeting m on m.id = i.meeting_id"
				+ " join governance_committee c on c.id = m.committee_id where i.id = ?")
			.param(itemId)
			.query(MeetingRow.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No agenda item " + itemId));
	}

	public List<MeetingSummary> meetings(String ccg) {
		return jdbc.sql("""
				select m.id, m.committee_id, c.name as committee_name, m.held_on, m.title,
				  (select count(*) from governance_agenda_item i where i.meeting_id = m.id) as items,
				  (select count(*) from governance_agenda_item i where i.meeting_id = m.id and i.status = 'OPEN') as open_items
				from governance_meeting m join governance_committee c on c.id = m.committee_id
				where c.ccg_code = ? order by m.held_on desc, m.id desc
				""")
			.param(ccg)
			.query(MeetingSummary.class)
			.list();
	}

	public MeetingView view(MeetingRow meeting) {
		return view(meeting, committees.committee(meeting.committeeId()));
	}

	public MeetingView view(MeetingRow meeting, CommitteeView committee) {
		Map<Long, Boolean> attendance = new HashMap<>();
		jdbc.sql("select person_id, present from governance_attendance where meeting_id = ?")
			.param(meeting.id())
			.query(Presence.class)
			.list()
			.forEach(presence -> attendance.put(presence.personId(), presence.present()));
		boolean recorded = !attendance.isEmpty();
		List<AttendeeView> attendees = committee.members()
			.stream()
			.map(member -> new AttendeeView(member.personId(), member.name(), member.role(), member.voting(),
					attendance.get(member.personId())))
			.toList();
		// Before attendance is recorded every member is expected, so the chair sees the quorum the agenda allows.
		List<MemberView> present = committee.members()
			.stream()
			.filter(member -> !recorded || Boolean.TRUE.equals(attendance.get(member.personId())))
			.toList();
		List<MemberInterests> interests = interestsOf(committee.members().stream().map(MemberView::personId).toList());
		Map<Long, MemberView> members = committee.members()
			.stream()
			.collect(Collectors.toMap(MemberView::personId, member -> member));
		// Each item with what it names, declares and votes, in one query for the whole meeting.
		Map<Long, List<AffectedOrganisation>> affected = new HashMap<>();
		Map<Long, List<RecordedDeclaration>> declared = new HashMap<>();
		Map<Long, List<VoteView>> votes = new HashMap<>();
		Map<Long, List<PossibleConflict>> decided = new HashMap<>();
		List<ItemRow> rows = jdbc.sql("""
				select i.*,
				  (select json_agg(json_build_object('kind', o.kind, 'code', o.organisation_code, 'name', o.body_name,
				     'body', o.body_id))
				   from governance_item_organisation o where o.item_id = i.id) as affected,
				  (select json_agg(json_build_object('person', d.person_id, 'interest', d.interest, 'handling', d.handling,
				     'onTheDay', d.on_the_day)) from governance_item_declaration d where d.item_id = i.id) as declared,
				  (select json_agg(json_build_object('person', v.person_id, 'name', p.name, 'vote', v.vote) order by p.name)
				   from governance_vote v join governance_person p on p.id = v.person_id where v.item_id = i.id) as votes,
				  (select json_agg(json_build_object('person', c.person_id, 'registered', c.registered,
				     'affected', c.affected, 'sameBody', c.same_body))
				   from governance_possible_conflict c where c.item_id = i.id) as decided
				from governance_agenda_item i where i.meeting_id = ? order by i.position
				""")
			.param(meeting.id())
			.query((rs, row) -> {
				long id = rs.getLong("id");
				affected.put(id, json(rs.getString("affected"), node -> new AffectedOrganisation(
						AffectedOrganisation.Kind.valueOf(node.get("kind").asString()), text(node, "code"), text(node, "name"),
						node.get("body").isNull() ? null : node.get("body").asLong())));
				declared.put(id, json(rs.getString("declared"), node -> new RecordedDeclaration(node.get("person").asLong(),
						node.get("interest").asString(), Handling.valueOf(node.get("handling").asString()),
						node.get("onTheDay").asBoolean())));
				votes.put(id, json(rs.getString("votes"), node -> new VoteView(node.get("person").asLong(),
						node.get("name").asString(), Vote.valueOf(node.get("vote").asString()))));
				decided.put(id, json(rs.getString("decided"), node -> new PossibleConflict(node.get("person").asLong(),
						node.get("registered").asString(), node.get("affected").asString(),
						node.get("sameBody").asBoolean())));
				return new ItemRow(id, rs.getInt("position"), rs.getString("title"), ItemKind.valueOf(rs.getString("kind")),
						rs.getBoolean("procurement"), ItemStatus.valueOf(rs.getString("status")), rs.getString("decision"),
						rs.getString("referred_to"), rs.getInt("version"));
			})
			.list();
		List<ItemView> items = rows.stream()
			.map(item -> itemView(item, meeting, committee, members, present, interests,
					affected.getOrDefault(item.id(), List.of()), declared.getOrDefault(item.id(), List.of()),
					votes.getOrDefault(item.id(), List.of()), decided.getOrDefault(item.id(), List.of())))
			.toList();
		return new MeetingView(meeting.id(), meeting.ccgCode(), committee.id(), committee.name(), meeting.heldOn(),
				meeting.title(), recorded, attendees, items, meeting.minutesApprovedOn());
	}

	private <T> List<T> json(String array, java.util.function.Function<JsonNode, T> row) {
		if (array == null) {
			return List.of();
		}
		List<T> rows = new ArrayList<>();
		json.readTree(array).forEach(node -> rows.add(row.apply(node)));
		return rows;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private record RecordedDeclaration(long personId, String interest, Handling handling, boolean onTheDay) {
	}

	private ItemView itemView(ItemRow item, MeetingRow meeting, CommitteeView committee, Map<Long, MemberView> members,
			List<MemberView> present, List<MemberInterests> interests, List<AffectedOrganisation> affected,
			List<RecordedDeclaration> declared, List<VoteView> votes, List<PossibleConflict> decided) {
		Map<Long, ConflictView> views = new LinkedHashMap<>();
		List<PossibleConflictView> possible = ConflictDetection.possibleConflicts(interests, affected, meeting.heldOn())
			.stream()
			.filter(near -> members.containsKey(near.personId()))
			.map(near -> new PossibleConflictView(near.personId(), members.get(near.personId()).name(),
					near.registered(), near.affected(), decided.stream()
						.filter(decision -> decision.isAbout(near.personId(), near.registered(), near.affected()))
						.map(PossibleConflict::sameBody)
						.findFirst()
						.orElse(null)))
			.toList();
		for (Conflict conflict : ConflictDetection.detect(interests, affected, item.kind(), meeting.heldOn(), decided)) {
			MemberView member = members.get(conflict.personId());
			views.put(conflict.personId(), new ConflictView(member.personId(), member.name(), member.role(),
					member.voting(), conflict.describe(), conflict.handling(), null, false));
		}
		for (RecordedDeclaration declaration : declared) {
			MemberView member = members.get(declaration.personId());
			if (member == null) {
				continue;
			}
			ConflictView computed = views.get(declaration.personId());
			views.put(declaration.personId(), new ConflictView(declaration.personId(), member.name(), member.role(),
					member.voting(), computed != null ? computed.interests() : declaration.interest(),
					computed != null ? computed.requiredHandling() : declaration.handling(), declaration.handling(),
					declaration.onTheDay()));
		}
		List<MemberRole> eligible = present.stream()
			.filter(MemberView::voting)
			.filter(member -> views.get(member.personId()) == null || views.get(member.personId()).effectiveHandling().mayVote())
			.map(MemberView::role)
			.toList();
		QuorumRule.Assessment quorum = committee.quorum().assess(eligible);
		List<ConflictView> sorted = views.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
		return new ItemView(item.id(), item.position(), item.title(), item.kind(), item.procurement(), affected,
				item.status(), item.decision(), item.referredTo(), sorted, quorum, votes, item.version(), possible);
	}

	private record PersonLink(long personId, LinkView link, Long bodyId) {
	}

	/** Every interest on the registers of these people: their declarations and their (and relatives') links. */
	public List<MemberInterests> interestsOf(List<Long> personIds) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Interest>> interests = new LinkedHashMap<>();
		personIds.forEach(id -> interests.put(id, new ArrayList<>()));
		List<PersonLink> links = new ArrayList<>();
		// Declarations first, then links (their own and their relatives'), in one query.
		jdbc.sql("""
				select 0 as source, d.id, d.person_id, d.category, d.description, d.organisation_code, d.body_name,
				  d.valid_from, d.valid_to, null as relationship, null as relative, d.body_id
				from governance_declaration d where d.person_id in (:ids)
				union all
				select 1, l.id, l.person_id, null, null, l.organisation_code, l.body_name, l.valid_from, l.valid_to,
				  l.relationship, l.relative, l.body_id
				from governance_person_link l
				where l.person_id in (:ids)
				order by source, id
				""")
			.param("ids", personIds)
			.query(RegisteredInterest.class)
			.list()
			.forEach(registered -> {
				if (registered.source() == 0) {
					interests.get(registered.personId()).add(new Interest(registered.category(), registered.organisationCode(),
							registered.bodyName(), registered.description(), registered.validFrom(), registered.validTo(),
							false, registered.bodyId()));
				}
				else {
					links.add(new PersonLink(registered.personId(), new LinkView(registered.id(), registered.relationship(),
							registered.organisationCode(), null, registered.bodyName(), registered.relative(),
							registered.validFrom(), registered.validTo()), registered.bodyId()));
				}
			});
		// Links come after the declarations, described with the directory's names of their organisations.
		List<LinkView> named = organisations.named(links.stream().map(PersonLink::link).toList());
		for (int index = 0; index < links.size(); index++) {
			LinkView link = named.get(index);
			interests.get(links.get(index).personId()).add(new Interest(link.relative() == null
					? InterestCategory.FINANCIAL : InterestCategory.INDIRECT, link.organisationCode(), link.bodyName(),
					link.describe(), link.from(), link.to(), true, links.get(index).bodyId()));
		}
		return interests.entrySet().stream().map(entry -> new MemberInterests(entry.getKey(), entry.getValue())).toList();
	}
}

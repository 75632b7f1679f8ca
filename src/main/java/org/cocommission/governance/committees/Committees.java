package org.cocommission.governance.committees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.GovernanceRequests.CommitteeMember;
import org.cocommission.governance.GovernanceRequests.NewCommittee;
import org.cocommission.governance.GovernanceViews.CommitteeView;
import org.cocommission.governance.GovernanceViews.MemberView;
import org.cocommission.governance.MemberRole;
import org.cocommission.governance.ProposedCommittee;
import org.cocommission.governance.QuorumRule;
import org.cocommission.governance.people.GovernanceAccess;
import org.cocommission.governance.people.Organisations;
import org.cocommission.governance.people.People.PersonRow;
import org.cocommission.governance.people.People;
import org.cocommission.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import static org.cocommission.governance.shared.GovernanceText.blank;

/**
 * Committees with their terms of reference as data: members and votes, chair and vice-chair, and the quorum rule. Their
 * make-up is checked by {@link ProposedCommittee}, the one place the co-commissioning committee rules live.
 */
@Component
@Transactional
public class Committees {

	private final JdbcClient jdbc;

	private final GovernanceAccess access;

	private final AuditTrail audit;

	private final Organisations organisations;

	private final People people;

	Committees(JdbcClient jdbc, GovernanceAccess access, AuditTrail audit, Organisations organisations, People people) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.organisations = organisations;
		this.people = people;
	}

	public long create(String ccg, NewCommittee request) {
		access.checkLead(ccg);
		organisations.checkCcg(ccg);
		if (blank(request.name()) || request.kind() == null) {
			throw new InvalidInputException(blank(request.name()) ? "name" : "kind", "A committee needs a name and a kind");
		}
		boolean primaryCare = request.kind() == CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE;
		boolean majority = request.layExecutiveMajority() != null ? request.layExecutiveMajority() : primaryCare;
		boolean layChair = request.layChair() != null ? request.layChair() : primaryCare;
		if (primaryCare && (!layChair || !majority)) {
			throw new InvalidInputException(layChair ? "layExecutiveMajority" : "layChair",
					"A primary care commissioning committee has a lay chair and a lay and executive majority");
		}
		QuorumRule quorum;
		try {
			quorum = new QuorumRule(request.minVotingPresent(), request.minLay(), request.minGp(), request.minExecutive(),
					majority);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException("minVotingPresent", ex.getMessage());
		}
		List<CommitteeMember> members = request.members() == null ? List.of() : request.members();
		Map<Long, PersonRow> persons = people.peopleOf(ccg,
				members.stream().map(CommitteeMember::personId).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
		if (request.chairId() != null && !persons.containsKey(request.chairId())) {
			throw new InvalidInputException("chairId", "The chair must be a member of the committee");
		}
		if (request.viceChairId() != null && !persons.containsKey(request.viceChairId())) {
			throw new InvalidInputException("viceChairId", "The vice-chair must be a member of the committee");
		}
		Map<Long, Boolean> votes = new LinkedHashMap<>();
		for (CommitteeMember member : members) {
			votes.put(member.personId(), member.voting() != null ? member.voting() : persons.get(member.personId()).voting());
		}
		List<ProposedCommittee.ProposedMember> proposed = votes.entrySet()
			.stream()
			.map(entry -> {
				PersonRow person = persons.get(entry.getKey());
				return new ProposedCommittee.ProposedMember(person.name(), person.role(), entry.getValue(),
						entry.getKey().equals(request.chairId()));
			})
			.toList();
		List<String> problems = new ArrayList<>(new ProposedCommittee(request.kind(), proposed, quorum).problems());
		// Another committee's own terms of reference may ask for a lay chair too.
		PersonRow chair = request.chairId() == null ? null : persons.get(request.chairId());
		if (!primaryCare && layChair && chair != null && chair.role() != MemberRole.LAY_MEMBER) {
			problems.add("The chair must be a lay member; " + chair.name() + " is a " + chair.role().inSentence());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("members", String.join("; ", problems));
		}
		long id = jdbc.sql("insert into governance_committee (ccg_code, name, kind, min_voting_present, min_lay, min_gp,"
				+ " min_executive, lay_executive_majority, lay_chair, chair_id, vice_chair_id)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(ccg, request.name().trim(), request.kind().name(), request.minVotingPresent(), request.minLay(),
					request.minGp(), request.minExecutive(), majority, layChair, request.chairId(), request.viceChairId())
			.query(Long.class)
			.single();
		jdbc.sql("insert into governance_committee_member (committee_id, person_id, voting)"
				+ " select :id, m.person_id, m.voting from unnest(cast(:people as bigint[]), cast(:votes as boolean[]))"
				+ " as m(person_id, voting)")
			.param("id", id)
			.param("people", votes.keySet().toArray(Long[]::new))
			.param("votes", votes.values().toArray(Boolean[]::new))
			.update();
		audit.record(new AuditEntry("COMMITTEE_CREATED", "GOVERNANCE_COMMITTEE", String.valueOf(id), ccg, null, request));
		return id;
	}

	public List<CommitteeView> committees(String ccg) {
		return jdbc.sql("select id from governance_committee where ccg_code = ? order by kind, name")
			.param(ccg)
			.query(Long.class)
			.list()
			.stream()
			.map(this::committee)
			.toList();
	}

	/** The committee and its members in one query (it is read for every meeting page and every vote). */
	public CommitteeView committee(long id) {
		List<CommitteeMemberRow> rows = jdbc.sql("""
				select c.ccg_code, c.name, c.kind, c.min_voting_present, c.min_lay, c.min_gp, c.min_executive,
				  c.lay_executive_majority, c.lay_chair, c.chair_id, c.vice_chair_id, c.version,
				  p.id as person_id, p.name as person_name, p.role as person_role, m.voting as member_voting
				from governance_committee c left join governance_committee_member m on m.committee_id = c.id
				left join governance_person p on p.id = m.person_id where c.id = ? order by p.role, p.name
				""")
			.param(id)
			.query(CommitteeMemberRow.class)
			.list();
		if (rows.isEmpty()) {
			throw new NoSuchElementException("No committee " + id);
		}
		List<MemberView> members = rows.stream()
			.filter(row -> row.personId() != null)
			.map(row -> new MemberView(row.personId(), row.personName(), row.personRole(), row.memberVoting()))
			.toList();
		Map<Long, String> names = members.stream().collect(Collectors.toMap(MemberView::personId, MemberView::name));
		CommitteeMemberRow committee = rows.get(0);
		return new CommitteeView(id, committee.ccgCode(), committee.name(), committee.kind(),
				new QuorumRule(committee.minVotingPresent(), committee.minLay(), committee.minGp(),
						committee.minExecutive(), committee.layExecutiveMajority()),
				committee.layChair(), committee.chairId(), names.get(committee.chairId()), committee.viceChairId(),
				names.get(committee.viceChairId()), members, committee.version());
	}

	/** The committee's terms of reference with one of its members (none: a committee without members yet). */
	private record CommitteeMemberRow(String ccgCode, String name, CommitteeKind kind, int minVotingPresent, int minLay,
			int minGp, int minExecutive, boolean layExecutiveMajority, boolean layChair, Long chairId, Long viceChairId,
			int version, Long personId, String personName, MemberRole personRole, Boolean memberVoting) {
	}
}

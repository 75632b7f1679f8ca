package org.cocommission.governance.compliance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.governance.DeclarationDeadlines;
import org.cocommission.governance.GiftsAndHospitalityThresholds;
import org.cocommission.governance.GovernanceViews.ComplianceRow;
import org.cocommission.governance.interests.GovernanceSettings;
import org.cocommission.platform.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compliance per CCG or nationally: declarations up to date and overdue, gifts accepted against the thresholds,
 * meetings with unmanaged conflicts (a decided item where a conflicted member voted, or a conflict on the registers of
 * a member present with no recorded handling; should be zero), decisions and how many were quorate.
 */
@Component
@Transactional(readOnly = true)
public class Compliance {

	private final JdbcClient jdbc;

	private final GovernanceSettings settings;

	private final Clock clock;

	Compliance(JdbcClient jdbc, GovernanceSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** One row for {@code ccg}, or one per CCG with any governance data when {@code ccg} is null. */
	public List<ComplianceRow> rows(String ccg) {
		DeclarationDeadlines deadlines = settings.deadlines();
		GiftsAndHospitalityThresholds thresholds = settings.thresholds();
		LocalDate today = LocalDate.now(clock);
		Map<String, long[]> people = new LinkedHashMap<>();
		jdbc.sql("""
				select p.ccg_code, p.joined_on,
				  (select max(r.returned_on) from governance_declaration_return r where r.person_id = p.id) as last_return,
				  greatest((select max(d.valid_from) from governance_declaration d where d.person_id = p.id),
				           (select max(l.valid_from) from governance_person_link l where l.person_id = p.id)) as latest_interest
				from governance_person p where (cast(:ccg as varchar) is null or p.ccg_code = :ccg) order by p.ccg_code
				""")
			.param("ccg", ccg)
			.query(rs -> {
				long[] counts = people.computeIfAbsent(rs.getString(1), key -> new long[7]);
				LocalDate due = deadlines.dueOn(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
						rs.getObject(4, LocalDate.class));
				counts[0]++;
				counts[deadlines.isOverdue(due, today) ? 2 : 1]++;
			});
		jdbc.sql("select p.ccg_code, g.kind, g.from_supplier, g.value, g.accepted, g.senior_approval from governance_gift g"
				+ " join governance_person p on p.id = g.person_id where (cast(:ccg as varchar) is null or p.ccg_code = :ccg)")
			.param("ccg", ccg)
			.query(rs -> {
				var assessment = thresholds.assess(GiftsAndHospitalityThresholds.GiftKind.valueOf(rs.getString(2)),
						rs.getBoolean(3), new Money(rs.getBigDecimal(4)), rs.getBoolean(5), rs.getBoolean(6));
				if (rs.getBoolean(5) && !assessment.acceptanceAllowed()) {
					people.computeIfAbsent(rs.getString(1), key -> new long[7])[3]++;
				}
			});
		jdbc.sql("""
				select c.ccg_code, count(distinct m.id) filter (where i.status <> 'OPEN' and (
				    exists (select 1 from governance_vote v join governance_item_declaration d
				              on d.item_id = v.item_id and d.person_id = v.person_id
				            where v.item_id = i.id and d.handling <> 'DECLARE_ONLY')
				    or exists (select 1 from governance_committee_member cm
				               join governance_item_organisation o on o.item_id = i.id
				               where cm.committee_id = c.id
				                 and not exists (select 1 from governance_item_declaration d where d.item_id = i.id and d.person_id = cm.person_id)
				                 and not exists (select 1 from governance_attendance a where a.meeting_id = m.id and a.person_id = cm.person_id and not a.present)
				                 and (exists (select 1 from governance_person_link l where l.person_id = cm.person_id
				                        and l.organisation_code = o.organisation_code and valid_on(l.valid_from, l.valid_to, m.held_on))
				                   or exists (select 1 from governance_declaration dd where dd.person_id = cm.person_id
				                        and dd.organisation_code = o.organisation_code and valid_on(dd.valid_from, dd.valid_to, m.held_on)))))) as unmanaged,
				  count(i.id) filter (where i.kind = 'DECISION' and i.status <> 'OPEN') as decisions,
				  count(i.id) filter (where i.kind = 'DECISION' and i.status <> 'OPEN' and i.quorate) as quorate
				from governance_committee c join governance_meeting m on m.committee_id = c.id
				join governance_agenda_item i on i.meeting_id = m.id
				where (cast(:ccg as varchar) is null or c.ccg_code = :ccg) group by c.ccg_code
				""")
			.param("ccg", ccg)
			.query(rs -> {
				long[] counts = people.computeIfAbsent(rs.getString(1), key -> new long[7]);
				counts[4] = rs.getLong(2);
				counts[5] = rs.getLong(3);
				counts[6] = rs.getLong(4);
			});
		if (ccg != null) {
			people.putIfAbsent(ccg, new long[7]);
		}
		return people.entrySet()
			.stream()
			.map(entry -> {
				long[] c = entry.getValue();
				return new ComplianceRow(entry.getKey(), c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
			})
			.toList();
	}

}

package org.cocommission.governance.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;

import org.cocommission.governance.GovernanceViews.DecisionRow;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.governance.GovernanceViews.MeetingView;
import org.cocommission.platform.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public decisions register and procurement decisions register (2016 guidance): every decision item with an
 * outcome, its meeting, who was conflicted and how it was managed, and the vote (public once the outcome is
 * recorded, which is never before the meeting); and the minutes, public once approved.
 */
@Component
@Transactional(readOnly = true)
public class Decisions {

	private final JdbcClient jdbc;

	private final Meetings meetings;

	Decisions(JdbcClient jdbc, Meetings meetings) {
		this.jdbc = jdbc;
		this.meetings = meetings;
	}

	/** One page of the register, newest first; {@code ccg} null for every CCG. */
	public PageOf<DecisionRow> page(String ccg, boolean procurementOnly, int page, int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw new IllegalArgumentException("Ask for a page from 0 of 1 to 500 rows");
		}
		long total = jdbc.sql("select count(*) from governance_agenda_item i join governance_meeting m on m.id = i.meeting_id"
				+ " join governance_committee c on c.id = m.committee_id where i.status <> 'OPEN' and i.kind = 'DECISION'"
				+ " and (cast(:ccg as varchar) is null or c.ccg_code = :ccg) and (:procurement = false or i.procurement)")
			.param("ccg", ccg)
			.param("procurement", procurementOnly)
			.query(Long.class)
			.single();
		return new PageOf<>(decisions(ccg, procurementOnly, size, (long) page * size), page, size, total);
	}

	public List<DecisionRow> all(String ccg, boolean procurementOnly) {
		return decisions(ccg, procurementOnly, Integer.MAX_VALUE, 0);
	}

	private List<DecisionRow> decisions(String ccg, boolean procurementOnly, int limit, long offset) {
		return jdbc.sql("""
				select i.id as item_id, c.ccg_code, c.name as committee_name, m.id as meeting_id, m.held_on, i.title, i.procurement,
				  i.status, i.decision, i.referred_to, i.quorate,
				  (select string_agg(p.name || ' (' || d.interest || '): ' ||
				     case d.handling when 'DECLARE_ONLY' then 'declared only' when 'MAY_NOT_VOTE' then 'stayed, did not vote'
				     else 'left for the item' end, '; ' order by p.name)
				   from governance_item_declaration d join governance_person p on p.id = d.person_id where d.item_id = i.id) as conflicts,
				  (select count(*) filter (where v.vote = 'FOR') || ' for, ' || count(*) filter (where v.vote = 'AGAINST')
				     || ' against, ' || count(*) filter (where v.vote = 'ABSTAIN') || ' abstaining'
				   from governance_vote v where v.item_id = i.id) as votes,
				  m.minutes_approved_on is not null as minutes_published
				from governance_agenda_item i
				join governance_meeting m on m.id = i.meeting_id
				join governance_committee c on c.id = m.committee_id
				where i.status <> 'OPEN' and i.kind = 'DECISION'
				  and (cast(:ccg as varchar) is null or c.ccg_code = :ccg) and (:procurement = false or i.procurement)
				order by m.held_on desc, i.id desc limit :limit offset :offset
				""")
			.param("ccg", ccg)
			.param("procurement", procurementOnly)
			.param("limit", limit)
			.param("offset", offset)
			.query(DecisionRow.class)
			.list();
	}

	/** A meeting's minutes, open to everyone once they are approved. */
	public MeetingView publishedMinutes(long meetingId) {
		MeetingView view = meetings.view(meetings.meetingRow(meetingId));
		if (!view.minutesPublished()) {
			throw new NoSuchElementException("No published minutes for meeting " + meetingId);
		}
		return view;
	}
}

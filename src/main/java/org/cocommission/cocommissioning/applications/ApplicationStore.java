package org.cocommission.cocommissioning.applications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.ApplicationView.AttachmentInfo;
import org.cocommission.cocommissioning.ApplicationView.CommitteeMember;
import org.cocommission.cocommissioning.ApplicationView.Condition;
import org.cocommission.cocommissioning.ApplicationView.HistoryLine;
import org.cocommission.cocommissioning.ApplicationView.Score;
import org.cocommission.cocommissioning.ApplicationView;
import org.cocommission.cocommissioning.AreaTeamAssurance;
import org.cocommission.cocommissioning.Recommendation;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.Section;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes applications in plain SQL; every change bumps the version it was made against. */
@Component
public class ApplicationStore {

	public static final String CONFLICT = "Someone else changed this application while you were editing it."
			+ " Reload the page to see their changes, then make yours again.";

	private final JdbcClient jdbc;

	private final Rounds rounds;

	private final Directory directory;

	private final Clock clock;

	ApplicationStore(JdbcClient jdbc, Rounds rounds, Directory directory, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.directory = directory;
	}

	public ApplicationState state(long id) {
		return jdbc.sql("select id, round_id, ccg_code, level, status, decision, version from cocommissioning_application"
				+ " where id = ?")
			.param(id)
			.query(ApplicationState.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("No co-commissioning application has the id " + id));
	}

	/** Moves on the version the change was made against, or refuses with a 409 when someone else got there first. */
	public void bump(long id, int version) {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		int updated = jdbc.sql("update cocommissioning_application set version = version + 1, updated_at = now(),"
				+ " updated_by = ? where id = ? and version = ?")
			.params(authentication == null ? null : authentication.getName(), id, version)
			.update();
		if (updated == 0) {
			state(id);
			throw new OptimisticLockingFailureException(CONFLICT);
		}
	}

	/** Stores the new status and appends the history line, in the caller's transaction; answers the line's id. */
	public long move(ApplicationState before, ApplicationState after, String actor, String comment) {
		bump(before.id(), before.version());
		jdbc.sql("update cocommissioning_application set status = ?, decision = ? where id = ?")
			.params(after.status().name(), after.decision() == null ? null : after.decision().name(), before.id())
			.update();
		return history(before.id(), before.status(), after.status(), actor, comment);
	}

	/** Appends a history line stamped with the application's clock, so that waits are measured on one clock. */
	public long history(long id, ApplicationStatus from, ApplicationStatus to, String actor, String comment) {
		return jdbc.sql("insert into cocommissioning_status_history (application_id, from_status, to_status, actor, comment,"
				+ " at) values (?, ?, ?, ?, ?, ?) returning id")
			.params(id, from == null ? null : from.name(), to.name(), actor, comment, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	public List<CommitteeMember> committee(long id) {
		return jdbc.sql("select id, name, role, voting, chair from cocommissioning_committee_member"
				+ " where application_id = ? order by position, id")
			.param(id)
			.query(CommitteeMember.class)
			.list();
	}

	public List<String> functions(long id) {
		return jdbc.sql("select f.code from cocommissioning_application_function a join cocommissioning_function f"
				+ " on f.code = a.function_code where a.application_id = ? order by f.position")
			.param(id)
			.query(String.class)
			.list();
	}

	public ApplicationView view(long id) {
		ApplicationState state = state(id);
		Round round = rounds.round(state.roundId());
		Map<Section, String> sections = new EnumMap<>(Section.class);
		Written row = jdbc.sql("select integration, standards, health_inequalities, conflicts_of_interest, recommendation,"
				+ " recommendation_reasons, decision_reasons, historical from cocommissioning_application where id = ?")
			.param(id)
			.query(Written.class)
			.single();
		sections.put(Section.INTEGRATION, row.integration());
		sections.put(Section.STANDARDS, row.standards());
		sections.put(Section.HEALTH_INEQUALITIES, row.healthInequalities());
		sections.put(Section.CONFLICTS_OF_INTEREST, row.conflictsOfInterest());
		List<CommitteeMember> committee = committee(id);
		List<String> functions = functions(id);
		List<String> committeeProblems = ApplicationRules.committeeProblems(state.level(), committee, round.quorum());
		List<String> missing = ApplicationRules.missing(state.level(), sections, functions, committeeProblems);
		String ccgName = directory.find(state.ccgCode()).map(OrganisationDetails::name).orElse(state.ccgCode());
		return new ApplicationView(id, round.id(), round.name(), state.ccgCode(), ccgName, state.level(), state.status(),
				sections, functions, committee, committeeProblems, missing, attachments(id), scores(id), row.recommendation(),
				row.recommendationReasons(), state.decision(), row.decisionReasons(), conditions(id), history(id),
				row.historical(), state.version(), part2(id));
	}

	/** What the CCG and the reviewers wrote, as stored. */
	private record Written(String integration, String standards, String healthInequalities, String conflictsOfInterest,
			Recommendation recommendation, String recommendationReasons, String decisionReasons, boolean historical) {
	}

	/** Part 2 of a delegated application as the area team recorded it, or null before it has. */
	public AreaTeamAssurance part2(long id) {
		return jdbc.sql("select part2_assurance_met as assurance_thresholds_met,"
				+ " part2_conflicts_met as conflicts_thresholds_met, part2_financial_control as sound_financial_control,"
				+ " part2_declaration_name as declaration_name, part2_signed_by as signed_by, part2_signed_at as signed_at"
				+ " from cocommissioning_application where id = ? and part2_signed_at is not null")
			.param(id)
			.query(AreaTeamAssurance.class)
			.optional()
			.orElse(null);
	}

	List<AttachmentInfo> attachments(long id) {
		return jdbc.sql("select id, file_name, content_type, size_bytes, uploaded_by, uploaded_at"
				+ " from cocommissioning_attachment where application_id = ? order by id")
			.param(id)
			.query(AttachmentInfo.class)
			.list();
	}

	List<Score> scores(long id) {
		return jdbc.sql("select c.id as criterion_id, c.name as criterion, s.score, s.comment, s.reviewer"
				+ " from cocommissioning_score s"
				+ " join cocommissioning_criterion c on c.id = s.criterion_id where s.application_id = ? order by c.position")
			.param(id)
			.query(Score.class)
			.list();
	}

	public List<Condition> conditions(long id) {
		return jdbc.sql("select id, text, discharged_on, discharged_by, discharge_note, version from cocommissioning_condition"
				+ " where application_id = ? order by id")
			.param(id)
			.query(Condition.class)
			.list();
	}

	public List<HistoryLine> history(long id) {
		return jdbc.sql("select from_status as \"from\", to_status as \"to\", actor, comment, at"
				+ " from cocommissioning_status_history"
				+ " where application_id = ? order by id")
			.param(id)
			.query(HistoryLine.class)
			.list();
	}
}

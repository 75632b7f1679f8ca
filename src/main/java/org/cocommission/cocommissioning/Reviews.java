package org.cocommission.cocommissioning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.cocommissioning.ApplicationTransitioned.Decided;
import org.cocommission.cocommissioning.ApplicationTransitioned.Recommended;
import org.cocommission.cocommissioning.applications.ApplicationState;
import org.cocommission.cocommissioning.applications.ApplicationStore;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The area team's review (scores per criterion on the round's scale, part 2 of a delegated application, its
 * recommendation with reasons), the board's
 * decision, and the conditions of an approval, tracked until each is discharged.
 */
@Service
@Transactional
public class Reviews {

	private final JdbcClient jdbc;

	private final ApplicationStore store;

	private final ApplicationWorkflow workflow;

	private final Rounds rounds;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Reviews(JdbcClient jdbc, ApplicationStore store, ApplicationWorkflow workflow, Rounds rounds, AccessPolicy policy,
			AuditTrail audit, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.store = store;
		this.workflow = workflow;
		this.rounds = rounds;
		this.policy = policy;
		this.audit = audit;
		this.clock = clock;
	}

	/** Scores one criterion (replacing an earlier score); the area team, while the application is under review. */
	public int score(long id, long criterionId, int score, String comment, int version) {
		ApplicationState state = reviewing(id);
		Round round = rounds.round(state.roundId());
		Round.Criterion criterion = round.criteria().stream()
			.filter(c -> c.id() == criterionId)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("The round has no criterion " + criterionId));
		if (score < round.scoreMin() || score > round.scoreMax()) {
			throw new InvalidInputException("score", "Score " + criterion.name() + " from " + round.scoreMin() + " to "
					+ round.scoreMax());
		}
		store.bump(id, version);
		jdbc.sql("insert into cocommissioning_score (application_id, criterion_id, score, comment, reviewer)"
				+ " values (?, ?, ?, ?, ?) on conflict (application_id, criterion_id) do update"
				+ " set score = excluded.score, comment = excluded.comment, reviewer = excluded.reviewer, scored_at = now()")
			.params(id, criterionId, score, comment == null ? "" : comment.trim(), policy.requireUser().username())
			.update();
		audit.record(new AuditEntry("COCOMMISSIONING_SCORED", "COCOMMISSIONING_APPLICATION", String.valueOf(id),
				state.ccgCode(), null, new Scored(criterion.name(), score)));
		return version + 1;
	}

	/** The audit trail's record of a score: the criterion, by name, and the score given. */
	record Scored(String criterion, int score) {
	}

	/** The area team's recommendation to the board, with its reasons. */
	public ApplicationView recommend(long id, Recommendation recommendation, String reasons, int version) {
		if (recommendation == null) {
			throw new InvalidInputException("recommendation", "Choose a recommendation");
		}
		ApplicationState state = store.state(id);
		// Who may recommend, and from which state, is checked first: part 2 only matters to a recommendation allowed.
		state.apply(Transition.RECOMMEND, policy.requireUser().role());
		policy.checkCanSee(state.ccgCode());
		List<String> blocks = AreaTeamAssurance.blocks(state.level(), store.part2(id), recommendation);
		if (!blocks.isEmpty()) {
			throw new IllegalArgumentException(String.join("; ", blocks));
		}
		ApplicationView after = workflow.move(id, Transition.RECOMMEND, reasons, version,
				(status, comment) -> new Recommended(status, comment, recommendation));
		jdbc.sql("update cocommissioning_application set recommendation = ?, recommendation_reasons = ? where id = ?")
			.params(recommendation.name(), reasons.trim(), id)
			.update();
		return store.view(after.id());
	}

	/**
	 * Records part 2 of a delegated application: the area team, while it reviews it, answers the three assurance
	 * questions and signs the declaration with its name.
	 */
	public int recordPart2(long id, boolean assuranceThresholdsMet, boolean conflictsThresholdsMet,
			boolean soundFinancialControl, String declarationName, int version) {
		ApplicationState state = reviewing(id);
		if (state.level() != CommissioningLevel.DELEGATED) {
			throw new IllegalArgumentException("Part 2 is for delegated applications only");
		}
		CurrentUser user = policy.requireUser();
		AreaTeamAssurance before = store.part2(id);
		AreaTeamAssurance part2 = new AreaTeamAssurance(assuranceThresholdsMet, conflictsThresholdsMet,
				soundFinancialControl, declarationName, user.username(), clock.instant());
		store.bump(id, version);
		jdbc.sql("update cocommissioning_application set part2_assurance_met = ?, part2_conflicts_met = ?,"
				+ " part2_financial_control = ?, part2_declaration_name = ?, part2_signed_by = ?, part2_signed_at = ?"
				+ " where id = ?")
			.params(part2.assuranceThresholdsMet(), part2.conflictsThresholdsMet(), part2.soundFinancialControl(),
					part2.declarationName(), part2.signedBy(), java.sql.Timestamp.from(part2.signedAt()), id)
			.update();
		audit.record(new AuditEntry("COCOMMISSIONING_PART2_RECORDED", "COCOMMISSIONING_APPLICATION", String.valueOf(id),
				state.ccgCode(), before, part2));
		return version + 1;
	}

	/** The board's decision, with its reasons and, when approved with conditions, the conditions one a line. */
	public ApplicationView decide(long id, BoardDecision decision, String reasons, List<String> conditions, int version) {
		if (decision == null) {
			throw new InvalidInputException("decision", "Choose the board's decision");
		}
		List<String> texts = conditions == null ? List.of()
				: conditions.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).toList();
		if (decision == BoardDecision.APPROVED_WITH_CONDITIONS && texts.isEmpty()) {
			throw new InvalidInputException("conditions", "Set out at least one condition of the approval");
		}
		if (decision != BoardDecision.APPROVED_WITH_CONDITIONS && !texts.isEmpty()) {
			throw new InvalidInputException("conditions", "Conditions go with an approval with conditions only");
		}
		ApplicationView decided = workflow.move(id, Transition.DECIDE, reasons, version,
				(status, comment) -> new Decided(status, comment, decision, texts));
		jdbc.sql("update cocommissioning_application set decision_reasons = ? where id = ?").params(reasons.trim(), id)
			.update();
		for (String text : texts) {
			jdbc.sql("insert into cocommissioning_condition (application_id, text) values (?, ?)").params(id, text).update();
		}
		events.publishEvent(new BoardDecisionRecorded(id, decided.roundId(), decided.ccgCode(), decided.level(), decision,
				reasons.trim(), texts, rounds.round(decided.roundId()).goLiveOn()));
		return store.view(id);
	}

	/** Records that a condition is met; the CCG's area team or NHS England. */
	public void dischargeCondition(long id, long conditionId, String note, int conditionVersion) {
		ApplicationState state = store.state(id);
		CurrentUser user = policy.requireUser();
		policy.checkCanSee(state.ccgCode());
		if (user.role() != Role.AREA_TEAM && user.role() != Role.NATIONAL) {
			throw new AccessDeniedException("Only the area team or NHS England may discharge a condition");
		}
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "Say how the condition was met");
		}
		ApplicationView.Condition condition = store.conditions(id).stream()
			.filter(c -> c.id() == conditionId)
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("The application has no condition " + conditionId));
		if (condition.discharged()) {
			throw new IllegalArgumentException("The condition was already discharged on "
					+ java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(condition.dischargedOn()));
		}
		int updated = jdbc.sql("update cocommissioning_condition set discharged_on = ?, discharged_by = ?,"
				+ " discharge_note = ?, version = version + 1 where id = ? and version = ?")
			.params(LocalDate.now(clock.withZone(Round.LONDON)), user.username(), note.trim(), conditionId, conditionVersion)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException(ApplicationStore.CONFLICT);
		}
		audit.record(new AuditEntry("COCOMMISSIONING_CONDITION_DISCHARGED", "COCOMMISSIONING_APPLICATION",
				String.valueOf(id), state.ccgCode(), Map.of("condition", condition.text()), Map.of("note", note.trim())));
	}

	private ApplicationState reviewing(long id) {
		ApplicationState state = store.state(id);
		CurrentUser user = policy.requireUser();
		policy.checkCanSee(state.ccgCode());
		if (user.role() != Role.AREA_TEAM) {
			throw new AccessDeniedException("Only the CCG's area team may score its application");
		}
		if (state.status() != ApplicationStatus.UNDER_REVIEW) {
			throw new IllegalArgumentException("Only an application under review can be scored");
		}
		return state;
	}
}

package org.cocommission.cocommissioning.national;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.BoardDecision;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.levels.DelegationNotices;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * NHS England's view: every CCG with its level today and where its application in a round stands, counts by level
 * and region, and reviews the area teams have let run past the configurable number of days. The public sees only the
 * approved arrangements.
 */
@Service
@Transactional(readOnly = true)
public class NationalView {

	public record CcgRow(String ccgCode, String ccgName, String areaTeam, String region, CommissioningLevel level,
			Long applicationId, CommissioningLevel appliedFor, ApplicationStatus status, BoardDecision decision,
			LocalDate delegationEndsOn, CommissioningLevel revertsTo) {
	}

	public record RegionCount(String region, Map<CommissioningLevel, Integer> byLevel) {

		public int total() {
			return byLevel.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	public record OverdueReview(long applicationId, String ccgCode, CommissioningLevel level, ApplicationStatus status,
			Instant submittedAt, long daysWaiting) {
	}

	/**
	 * The picture on {@code asAt} (today) of the CCGs there were on {@code ccgsOn}: today's, or a round's go-live date,
	 * the CCGs that round was for.
	 */
	public record Overview(Round round, LocalDate asAt, List<CcgRow> ccgs, Map<CommissioningLevel, Integer> byLevel,
			List<RegionCount> byRegion, Map<ApplicationStatus, Integer> byStatus, List<OverdueReview> overdue,
			LocalDate ccgsOn) {
	}

	public record Arrangement(String ccgCode, String ccgName, CommissioningLevel level, LocalDate from, String round,
			BoardDecision decision) {

		Arrangement named(String name) {
			return new Arrangement(ccgCode, name, level, from, round, decision);
		}
	}

	private final JdbcClient jdbc;

	private final Directory directory;

	private final Rounds rounds;

	private final AccessPolicy policy;

	private final Clock clock;

	private final DelegationNotices delegationNotices;

	NationalView(JdbcClient jdbc, Directory directory, Rounds rounds, AccessPolicy policy, Clock clock,
			DelegationNotices delegationNotices) {
		this.delegationNotices = delegationNotices;
		this.jdbc = jdbc;
		this.directory = directory;
		this.rounds = rounds;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * The picture for one round (or none); NHS England only. A round lists the CCGs of its go-live date, which a later
	 * merger may have closed (docs/domain-rules.md#co-commissioning).
	 */
	public Overview overview(Long roundId) {
		policy.checkNational();
		Round round = roundId == null ? null : rounds.round(roundId);
		LocalDate today = LocalDate.now(clock.withZone(Round.LONDON));
		LocalDate ccgsOn = round == null || round.goLiveOn() == null ? today : round.goLiveOn();
		Map<String, CommissioningLevel> levels = new HashMap<>();
		jdbc.sql("select distinct on (ccg_code) ccg_code, level from cocommissioning_level where from_date <= ?"
				+ " order by ccg_code, from_date desc")
			.param(today)
			.query(CcgLevel.class)
			.list()
			.forEach(current -> levels.put(current.ccgCode(), current.level()));
		Map<String, RoundApplication> applications = new HashMap<>();
		if (round != null) {
			jdbc.sql("select ccg_code, id, level, status, decision from cocommissioning_application"
					+ " where round_id = ? and status <> 'WITHDRAWN'")
				.param(round.id())
				.query(RoundApplication.class)
				.list()
				.forEach(application -> applications.put(application.ccgCode(), application));
		}
		Map<String, DelegationNotices.DelegationNotice> ending = delegationNotices.pendingByCcg();
		List<CcgRow> rows = new ArrayList<>();
		for (OrganisationSummary region : directory.list(OrganisationType.REGION, null, null, Directory.ListSort.NAME,
				false, 0, 100).items()) {
			for (OrganisationSummary area : directory.children(region.code(), ccgsOn)) {
				if (area.type() != OrganisationType.AREA_TEAM) {
					continue;
				}
				for (OrganisationSummary ccg : directory.children(area.code(), ccgsOn)) {
					if (ccg.type() == OrganisationType.CCG) {
						RoundApplication app = applications.get(ccg.code());
						DelegationNotices.DelegationNotice notice = ending.get(ccg.code());
						rows.add(new CcgRow(ccg.code(), ccg.name(), area.name(), region.name(),
								levels.getOrDefault(ccg.code(), CommissioningLevel.GREATER_INVOLVEMENT),
								app == null ? null : app.id(), app == null ? null : app.level(),
								app == null ? null : app.status(), app == null ? null : app.decision(),
								notice == null ? null : notice.effectiveOn(), notice == null ? null : notice.revertsTo()));
					}
				}
			}
		}
		Map<CommissioningLevel, Integer> byLevel = new EnumMap<>(CommissioningLevel.class);
		Map<String, Map<CommissioningLevel, Integer>> regions = new LinkedHashMap<>();
		Map<ApplicationStatus, Integer> byStatus = new EnumMap<>(ApplicationStatus.class);
		for (CommissioningLevel level : CommissioningLevel.values()) {
			byLevel.put(level, 0);
		}
		for (CcgRow row : rows) {
			byLevel.merge(row.level(), 1, Integer::sum);
			regions.computeIfAbsent(row.region(), r -> zeroes()).merge(row.level(), 1, Integer::sum);
			if (row.status() != null) {
				byStatus.merge(row.status(), 1, Integer::sum);
			}
		}
		List<RegionCount> byRegion = regions.entrySet().stream().map(e -> new RegionCount(e.getKey(), e.getValue())).toList();
		return new Overview(round, today, rows, byLevel, byRegion, byStatus, overdue(), ccgsOn);
	}

	/** A CCG's level as stored. */
	private record CcgLevel(String ccgCode, CommissioningLevel level) {
	}

	/** A CCG's application in the round, as stored. */
	private record RoundApplication(String ccgCode, long id, CommissioningLevel level, ApplicationStatus status,
			BoardDecision decision) {
	}

	/** An application waiting for the area team, as stored. */
	private record InReview(long applicationId, String ccgCode, CommissioningLevel level, ApplicationStatus status,
			Instant submittedAt) {
	}

	/** Applications submitted more than the configured number of days ago without a recommendation yet. */
	public List<OverdueReview> overdue() {
		int days = Integer.parseInt(rounds.settings().getOrDefault("review_due_days", "28"));
		Instant now = clock.instant();
		return jdbc.sql("select a.id as application_id, a.ccg_code, a.level, a.status,"
				+ " (select max(h.at) from cocommissioning_status_history h"
				+ " where h.application_id = a.id and h.to_status = 'SUBMITTED') as submitted_at"
				+ " from cocommissioning_application a"
				+ " where a.status in ('SUBMITTED', 'UNDER_REVIEW', 'INFORMATION_REQUESTED') order by a.id")
			.query(InReview.class)
			.list()
			.stream()
			.map(review -> new OverdueReview(review.applicationId(), review.ccgCode(), review.level(), review.status(),
					review.submittedAt(),
					review.submittedAt() == null ? 0 : ChronoUnit.DAYS.between(review.submittedAt(), now)))
			.filter(review -> review.daysWaiting() > days)
			.toList();
	}

	public Table table(Overview overview) {
		List<List<Object>> rows = overview.ccgs().stream()
			.map(r -> List.<Object>of(r.ccgCode(), r.ccgName(), r.areaTeam(), r.region(), r.level().label(),
					r.appliedFor() == null ? "" : r.appliedFor().label(), r.status() == null ? "" : r.status().label(),
					r.decision() == null ? "" : r.decision().label(),
					r.delegationEndsOn() == null ? "" : r.delegationEndsOn().toString(),
					r.revertsTo() == null ? "" : r.revertsTo().label()))
			.toList();
		return new Table("Co-commissioning", List.of("CCG code", "CCG", "Area team", "Region", "Level today",
				"Applied for", "Application status", "Board decision", "Delegation ends on", "Then reverts to"), rows);
	}

	/** Approved arrangements, live or about to be: published, open to everyone. */
	public List<Arrangement> approvedArrangements() {
		Map<String, String> names = new HashMap<>();
		directory.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0, 1000)
			.items()
			.forEach(ccg -> names.put(ccg.code(), ccg.name()));
		return jdbc.sql("select a.ccg_code, a.ccg_code as ccg_name, a.level, r.go_live_on as \"from\", r.name as round,"
				+ " a.decision"
				+ " from cocommissioning_application a join cocommissioning_round r on r.id = a.round_id"
				+ " where a.status in ('DECIDED', 'LIVE') and a.decision in ('APPROVED', 'APPROVED_WITH_CONDITIONS')"
				+ " order by r.go_live_on desc, a.ccg_code")
			.query(Arrangement.class)
			.list()
			.stream()
			.map(arrangement -> arrangement.named(names.getOrDefault(arrangement.ccgCode(), arrangement.ccgCode())))
			.toList();
	}

	private static Map<CommissioningLevel, Integer> zeroes() {
		Map<CommissioningLevel, Integer> counts = new EnumMap<>(CommissioningLevel.class);
		for (CommissioningLevel level : CommissioningLevel.values()) {
			counts.put(level, 0);
		}
		return counts;
	}
}

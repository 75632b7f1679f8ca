package org.cocommission.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.cocommissioning.ApplicationView;
import org.cocommission.cocommissioning.ApplicationWorkflow;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.BoardDecision;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.NewCommitteeMember;
import org.cocommission.cocommissioning.NewRound;
import org.cocommission.cocommissioning.PublishedOutcomes;
import org.cocommission.cocommissioning.Recommendation;
import org.cocommission.cocommissioning.Reviews;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.Section;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.governance.Governance;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.Duty;
import org.cocommission.identity.UserDuties.DutyGrant;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Synthetic co-commissioning, made through the module's own API as the demo users: the completed 2015/16 round with
 * the real mix of outcomes (63 delegated and 86 joint of 211 CCGs, the rest greater involvement, live 1 April 2015;
 * scaled with the directory), chosen at random with a fixed seed; and an open demonstration round with one
 * application in each state, written, reviewed and decided by the CCG, area team and national demo users. Every
 * demo CCG user is its CCG's accountable officer. The first CCG has no application in the open round, so that a
 * new user can start one.
 */
@Component
@Order(50)
public class CoCommissioningDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CoCommissioningDemo.class);

	static final String COMPLETED_ROUND = "Primary care co-commissioning 2015/16";

	/** The day the 2015/16 round's levels took effect. */
	static final LocalDate COMPLETED_GO_LIVE = LocalDate.of(2015, 4, 1);

	static final String OPEN_ROUND = "Co-commissioning demonstration round (synthetic)";

	private static final int NATIONAL_CCGS = 211;

	private final boolean enabled;

	private final Directory directory;

	private final Rounds rounds;

	private final Applications applications;

	private final ApplicationWorkflow workflow;

	private final Reviews reviews;

	private final PublishedOutcomes outcomes;

	private final Governance governance;

	private final UserDuties duties;

	private final DemoUsers users;

	CoCommissioningDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory, Rounds rounds,
			Applications applications, ApplicationWorkflow workflow, Reviews reviews, PublishedOutcomes outcomes,
			Governance governance, UserDuties duties, DemoUsers users) {
		this.enabled = enabled;
		this.directory = directory;
		this.rounds = rounds;
		this.applications = applications;
		this.workflow = workflow;
		this.reviews = reviews;
		this.outcomes = outcomes;
		this.governance = governance;
		this.duties = duties;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (enabled) {
			loadUnlessPresent();
		}
	}

	/** Loads the demo when the directory is the synthetic one and no round exists yet; false when it did nothing. */
	public boolean loadUnlessPresent() {
		if (!directory.isSynthetic() || !users.exists(DemoUsers.NATIONAL)) {
			return false;
		}
		if (!users.asNational(() -> rounds.rounds().isEmpty())) {
			return false;
		}
		long started = System.nanoTime();
		List<OrganisationSummary> summaries = directory
			.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0, 1000)
			.items();
		List<String> ccgs = summaries.stream().map(OrganisationSummary::code).toList();
		if (ccgs.isEmpty()) {
			return false;
		}
		// The 2015/16 round was for the CCGs of 1 April 2015; one formed by a later merger was not there to apply.
		List<String> ccgsOf2015 = summaries.stream()
			.filter(ccg -> (ccg.openDate() == null || !ccg.openDate().isAfter(COMPLETED_GO_LIVE))
					&& (ccg.closeDate() == null || !ccg.closeDate().isBefore(COMPLETED_GO_LIVE)))
			.map(OrganisationSummary::code)
			.toList();
		List<DutyGrant> officers = ccgs.stream()
			.filter(ccg -> users.exists(user(ccg)))
			.map(ccg -> new DutyGrant(user(ccg), Duty.ACCOUNTABLE_OFFICER, ccg))
			.toList();
		duties.grantAtStartUp(officers);
		Map<String, CommissioningLevel> completed = users.asNational(() -> completedRound(ccgsOf2015));
		users.asNational(() -> {
			openRound(ccgs, completed);
			return null;
		});
		log.info("Loaded the synthetic co-commissioning demo ({} CCGs) in {} ms", ccgs.size(),
				(System.nanoTime() - started) / 1_000_000);
		return true;
	}

	/**
	 * The 2015/16 round and its published outcome, in the real proportions; full applications were due on 9 January
	 * 2015 for delegated and 30 January 2015 for joint commissioning (docs/domain-rules.md#co-commissioning).
	 */
	private Map<String, CommissioningLevel> completedRound(List<String> ccgs) {
		Round round = rounds.create(new NewRound(COMPLETED_ROUND, EnumSet.allOf(CommissioningLevel.class),
				LocalDateTime.of(2014, 6, 20, 17, 0), LocalDateTime.of(2015, 1, 30, 17, 0), COMPLETED_GO_LIVE, 0, 4,
				criteria(), Map.of(CommissioningLevel.DELEGATED, LocalDateTime.of(2015, 1, 9, 17, 0))));
		List<String> shuffled = new ArrayList<>(ccgs);
		Collections.shuffle(shuffled, new Random(2015_16L));
		int delegated = (int) Math.round(63.0 * ccgs.size() / NATIONAL_CCGS);
		int joint = (int) Math.round(86.0 * ccgs.size() / NATIONAL_CCGS);
		Map<String, CommissioningLevel> levels = new LinkedHashMap<>();
		for (int i = 0; i < shuffled.size(); i++) {
			levels.put(shuffled.get(i), i < delegated ? CommissioningLevel.DELEGATED
					: i < delegated + joint ? CommissioningLevel.JOINT : CommissioningLevel.GREATER_INVOLVEMENT);
		}
		outcomes.record(round.id(), levels);
		return levels;
	}

	/** An open round with one application in each state, from CCGs not yet delegated. */
	private void openRound(List<String> ccgs, Map<String, CommissioningLevel> completed) {
		LocalDate today = directory.today();
		Round round = rounds.create(new NewRound(OPEN_ROUND, EnumSet.of(CommissioningLevel.JOINT, CommissioningLevel.DELEGATED),
				today.plusDays(10).atTime(LocalTime.of(17, 0)), today.plusDays(40).atTime(LocalTime.of(17, 0)),
				today.plusDays(120), 0, 4, criteria(),
				Map.of(CommissioningLevel.DELEGATED, today.plusDays(30).atTime(LocalTime.of(17, 0)))));
		List<String> candidates = ccgs.stream()
			.skip(1)
			.filter(ccg -> completed.get(ccg) != CommissioningLevel.DELEGATED)
			.filter(ccg -> users.exists(user(ccg)))
			.filter(ccg -> areaTeamUser(ccg, today).isPresent())
			.limit(7)
			.toList();
		String[] stages = { "DRAFT", "SUBMITTED", "UNDER_REVIEW", "INFORMATION_REQUESTED", "RECOMMENDED", "DECIDED",
				"WITHDRAWN" };
		for (int i = 0; i < candidates.size(); i++) {
			String ccg = candidates.get(i);
			take(round, ccg, areaTeamUser(ccg, today).orElseThrow(), stages[i]);
		}
	}

	private void take(Round round, String ccg, String area, String stage) {
		ApplicationView application = users.as(user(ccg), () -> write(round, ccg, !stage.equals("DRAFT")));
		long id = application.id();
		if (stage.equals("DRAFT")) {
			return;
		}
		if (stage.equals("WITHDRAWN")) {
			users.as(user(ccg), () -> workflow.withdraw(id, "The governing body chose to wait for the next round",
					application.version()));
			return;
		}
		int version = users.as(user(ccg), () -> {
			// The demo CCG user is also its governance lead: it brings overdue declarations up to date, as a CCG must
			// before it may submit.
			governance.overdueGoverningBodyMembers(ccg).forEach(person -> governance.nilReturn(ccg, person.id()));
			return workflow.submit(id, "Signed off by the accountable officer", application.version());
		}).version();
		if (stage.equals("SUBMITTED")) {
			return;
		}
		int reviewing = users.as(area, () -> workflow.startReview(id, "Review meeting held with the CCG", version)).version();
		if (stage.equals("UNDER_REVIEW")) {
			return;
		}
		if (stage.equals("INFORMATION_REQUESTED")) {
			users.as(area, () -> workflow.requestInformation(id, "Please set out the finance arrangements for the delegated budget",
					reviewing));
			return;
		}
		int scored = reviewing;
		for (Round.Criterion criterion : round.criteria()) {
			int before = scored;
			scored = users.as(area, () -> reviews.score(id, criterion.id(), 3, "Meets the criterion", before));
		}
		int assessed = scored;
		int recommendedOn = users.as(area, () -> reviews.recordPart2(id, true, true, true, "Synthetic area team director",
				assessed));
		int decidedOn = users.as(area, () -> reviews.recommend(id, Recommendation.APPROVE_WITH_CONDITIONS,
				"Sound proposal; conflicts of interest training to complete", recommendedOn)).version();
		if (stage.equals("DECIDED")) {
			users.asNational(() -> reviews.decide(id, BoardDecision.APPROVED_WITH_CONDITIONS, "Approved by the board",
					List.of("Every committee member completes conflicts of interest training"), decidedOn));
		}
	}

	/** A delegated application: complete when {@code complete}, else half written. */
	private ApplicationView write(Round round, String ccg, boolean complete) {
		applications.expressInterest(round.id(), ccg, CommissioningLevel.DELEGATED);
		ApplicationView draft = applications.start(round.id(), ccg, CommissioningLevel.DELEGATED);
		Map<Section, String> sections = new EnumMap<>(Section.class);
		sections.put(Section.INTEGRATION, "Synthetic: commissioning primary care alongside community services, so that"
				+ " care outside hospital is planned as one.");
		sections.put(Section.STANDARDS, "Synthetic: peer review of practice data and a local quality scheme.");
		if (complete) {
			sections.put(Section.HEALTH_INEQUALITIES, "Synthetic: targeting enhanced services at the most deprived wards.");
			sections.put(Section.CONFLICTS_OF_INTEREST, "Synthetic: revised conflicts of interest policy; a lay chair;"
					+ " GP members leave for items on their own practices.");
		}
		int version = applications.saveSections(draft.id(), sections, draft.version());
		version = applications.setFunctions(draft.id(), Set.of("GP_CONTRACTS", "NEW_PRACTICES", "PRACTICE_MERGERS"), version);
		if (complete) {
			for (NewCommitteeMember member : List.of(new NewCommitteeMember("Lay chair (synthetic)", MemberRole.LAY_MEMBER, true, true),
					new NewCommitteeMember("Lay member (synthetic)", MemberRole.LAY_MEMBER, true, false),
					new NewCommitteeMember("Chief finance officer (synthetic)", MemberRole.EXECUTIVE, true, false),
					new NewCommitteeMember("GP member (synthetic)", MemberRole.GP_MEMBER, true, false),
					new NewCommitteeMember("Healthwatch representative (synthetic)", MemberRole.HEALTHWATCH, false, false))) {
				version = applications.addCommitteeMember(draft.id(), member, version);
			}
		}
		return applications.application(draft.id());
	}

	private static List<String> criteria() {
		return List.of("Advances the integration of care outside hospital", "Raises standards of primary care",
				"Cuts health inequalities in primary care", "Manages conflicts of interest transparently",
				"Fits the CCG's five-year plan");
	}

	private Optional<String> areaTeamUser(String ccg, LocalDate today) {
		return directory.parentChain(ccg, today)
			.stream()
			.filter(parent -> parent.type() == OrganisationType.AREA_TEAM)
			.map(OrganisationRef::code)
			.map(code -> "area-" + code.toLowerCase())
			.filter(users::exists)
			.findFirst();
	}

	private static String user(String ccg) {
		return "ccg-" + ccg.toLowerCase();
	}
}

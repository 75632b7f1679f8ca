package org.cocommission.cocommissioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.cocommissioning.CoCommissioningTestData.as;

/**
 * Through the services, every move each state allows, by every kind of user, in and out of scope: only the owning
 * role, for its own CCG (or its area team's), succeeds; and every move a state forbids, by its owner. Each case rolls
 * back.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(MutableClock.Configuration.class)
@Transactional
class TransitionMatrixTests {

	private static final AtomicInteger ROUNDS = new AtomicInteger();

	/** The users, and the moves each may make on 50A's application. */
	private static final Map<String, Set<Transition>> MAY = Map.of("cc-ao-50a",
			Set.of(Transition.SUBMIT, Transition.RETURN_INFORMATION, Transition.WITHDRAW), "cc-plain-50a",
			Set.of(Transition.RETURN_INFORMATION, Transition.WITHDRAW), "cc-ao-50b", Set.of(), "cc-area-q50",
			Set.of(Transition.START_REVIEW, Transition.REQUEST_INFORMATION, Transition.RECOMMEND), "cc-area-q51", Set.of(),
			"cc-national", Set.of(Transition.DECIDE), "cc-practice", Set.of());

	private static final List<ApplicationStatus> REACHABLE = List.of(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED,
			ApplicationStatus.UNDER_REVIEW, ApplicationStatus.INFORMATION_REQUESTED, ApplicationStatus.RECOMMENDED,
			ApplicationStatus.DECIDED, ApplicationStatus.WITHDRAWN);

	private final Rounds rounds;

	private final Applications applications;

	private final ApplicationWorkflow workflow;

	private final Reviews reviews;

	private final UserDetailsService users;

	private final MutableClock clock;

	@Autowired
	TransitionMatrixTests(Rounds rounds, Applications applications, ApplicationWorkflow workflow, Reviews reviews,
			UserDetailsService users, MutableClock clock, DirectoryImports imports, UserAccounts accounts,
			UserDuties duties) {
		this.rounds = rounds;
		this.applications = applications;
		this.workflow = workflow;
		this.reviews = reviews;
		this.users = users;
		this.clock = clock;
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	static Stream<Arguments> everyStateMoveAndUser() {
		List<Arguments> cases = new ArrayList<>();
		for (ApplicationStatus status : REACHABLE) {
			for (Transition transition : Transition.values()) {
				if (transition == Transition.GO_LIVE) {
					continue;
				}
				// Every user tries each move the state allows; a move the state forbids is tried by its owner (every
				// role is tried against every state in TransitionRulesTests).
				for (String user : MAY.keySet().stream().sorted().toList()) {
					if (transition.allowedFrom(status) || MAY.get(user).contains(transition) && user.startsWith("cc-ao-")
							|| MAY.get(user).contains(transition) && !user.startsWith("cc-plain")) {
						cases.add(Arguments.of(status, transition, user));
					}
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{1} from {0} by {2}")
	@MethodSource("everyStateMoveAndUser")
	void onlyTheOwnerInScopeMakesAnAllowedMove(ApplicationStatus status, Transition transition, String user) {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		ApplicationView application = reach(status);
		boolean allowed = transition.allowedFrom(status) && MAY.get(user).contains(transition);
		if (allowed) {
			assertThat(as(users, user, () -> make(transition, application)).status()).isEqualTo(transition.to());
		}
		else {
			assertThatThrownBy(() -> as(users, user, () -> make(transition, application)))
				.isInstanceOfAny(AccessDeniedException.class, IllegalArgumentException.class);
			assertThat(as(users, "cc-national", () -> applications.application(application.id())).status()).isEqualTo(status);
		}
	}

	private ApplicationView make(Transition transition, ApplicationView application) {
		long id = application.id();
		int version = application.version();
		return switch (transition) {
			case SUBMIT -> workflow.submit(id, "Signed off", version);
			case START_REVIEW -> workflow.startReview(id, "Starting", version);
			case REQUEST_INFORMATION -> workflow.requestInformation(id, "More please", version);
			case RETURN_INFORMATION -> workflow.returnInformation(id, "Here it is", version);
			case RECOMMEND -> reviews.recommend(id, Recommendation.APPROVE, "Sound", withPart2(application));
			case DECIDE -> reviews.decide(id, BoardDecision.APPROVED, "Approved", List.of(), version);
			case WITHDRAW -> workflow.withdraw(id, "Not now", version);
			case GO_LIVE -> throw new IllegalStateException("The system's move");
		};
	}

	/** Part 2, signed by 50A's area team while it reviews the application, so that only the move itself is tried. */
	private int withPart2(ApplicationView application) {
		if (application.status() != ApplicationStatus.UNDER_REVIEW) {
			return application.version();
		}
		return as(users, "cc-area-q50", () -> reviews.recordPart2(application.id(), true, true, true, "Rita Reviewer",
				application.version()));
	}

	/** A complete delegated application of 50A, taken to {@code status} by the users who own each move. */
	private ApplicationView reach(ApplicationStatus status) {
		Round round = as(users, "cc-national", () -> rounds.create(CoCommissioningTestData.round("Matrix round "
				+ ROUNDS.incrementAndGet())));
		ApplicationView application = as(users, "cc-ao-50a", () -> {
			ApplicationView draft = CoCommissioningTestData.start(applications, round.id(), "50A", CommissioningLevel.DELEGATED);
			Map<Section, String> sections = new EnumMap<>(Section.class);
			for (Section section : Section.values()) {
				sections.put(section, "Written");
			}
			int version = applications.saveSections(draft.id(), sections, draft.version());
			version = applications.setFunctions(draft.id(), Set.of("GP_CONTRACTS"), version);
			for (NewCommitteeMember member : CoCommissioningTestData.compliantCommittee()) {
				version = applications.addCommitteeMember(draft.id(), member, version);
			}
			return applications.application(draft.id());
		});
		List<Object[]> path = switch (status) {
			case DRAFT -> List.of();
			case WITHDRAWN -> List.<Object[]>of(new Object[] { Transition.WITHDRAW, "cc-ao-50a" });
			default -> {
				List<Object[]> steps = new ArrayList<>();
				steps.add(new Object[] { Transition.SUBMIT, "cc-ao-50a" });
				if (status != ApplicationStatus.SUBMITTED) {
					steps.add(new Object[] { Transition.START_REVIEW, "cc-area-q50" });
				}
				if (status == ApplicationStatus.INFORMATION_REQUESTED) {
					steps.add(new Object[] { Transition.REQUEST_INFORMATION, "cc-area-q50" });
				}
				if (status == ApplicationStatus.RECOMMENDED || status == ApplicationStatus.DECIDED) {
					steps.add(new Object[] { Transition.RECOMMEND, "cc-area-q50" });
				}
				if (status == ApplicationStatus.DECIDED) {
					steps.add(new Object[] { Transition.DECIDE, "cc-national" });
				}
				yield steps;
			}
		};
		for (Object[] step : path) {
			ApplicationView before = application;
			application = as(users, (String) step[1], () -> make((Transition) step[0], before));
		}
		assertThat(application.status()).isEqualTo(status);
		return application;
	}
}

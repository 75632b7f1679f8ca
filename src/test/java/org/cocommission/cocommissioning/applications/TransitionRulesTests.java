package org.cocommission.cocommissioning.applications;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.BoardDecision;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.Transition;
import org.cocommission.identity.Role;

import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every transition from every status by every role (and the system): only the owner, only from the allowed states. */
class TransitionRulesTests {

	/** The workflow as the issue states it: state, move, owner, resulting state. */
	private static final List<Object[]> ALLOWED = List.of(
			new Object[] { ApplicationStatus.DRAFT, Transition.SUBMIT, Role.CCG, ApplicationStatus.SUBMITTED },
			new Object[] { ApplicationStatus.SUBMITTED, Transition.START_REVIEW, Role.AREA_TEAM, ApplicationStatus.UNDER_REVIEW },
			new Object[] { ApplicationStatus.UNDER_REVIEW, Transition.REQUEST_INFORMATION, Role.AREA_TEAM,
					ApplicationStatus.INFORMATION_REQUESTED },
			new Object[] { ApplicationStatus.INFORMATION_REQUESTED, Transition.RETURN_INFORMATION, Role.CCG,
					ApplicationStatus.UNDER_REVIEW },
			new Object[] { ApplicationStatus.UNDER_REVIEW, Transition.RECOMMEND, Role.AREA_TEAM, ApplicationStatus.RECOMMENDED },
			new Object[] { ApplicationStatus.RECOMMENDED, Transition.DECIDE, Role.NATIONAL, ApplicationStatus.DECIDED },
			new Object[] { ApplicationStatus.DECIDED, Transition.GO_LIVE, null, ApplicationStatus.LIVE },
			new Object[] { ApplicationStatus.DRAFT, Transition.WITHDRAW, Role.CCG, ApplicationStatus.WITHDRAWN },
			new Object[] { ApplicationStatus.SUBMITTED, Transition.WITHDRAW, Role.CCG, ApplicationStatus.WITHDRAWN },
			new Object[] { ApplicationStatus.UNDER_REVIEW, Transition.WITHDRAW, Role.CCG, ApplicationStatus.WITHDRAWN },
			new Object[] { ApplicationStatus.INFORMATION_REQUESTED, Transition.WITHDRAW, Role.CCG, ApplicationStatus.WITHDRAWN },
			new Object[] { ApplicationStatus.RECOMMENDED, Transition.WITHDRAW, Role.CCG, ApplicationStatus.WITHDRAWN });

	static Stream<Arguments> everyStatusTransitionAndActor() {
		List<Arguments> cases = new ArrayList<>();
		List<Role> actors = new ArrayList<>(Arrays.asList(Role.values()));
		actors.add(null);
		for (ApplicationStatus status : ApplicationStatus.values()) {
			for (Transition transition : Transition.values()) {
				for (Role actor : actors) {
					cases.add(Arguments.of(status, transition, actor));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{1} from {0} by {2}")
	@MethodSource("everyStatusTransitionAndActor")
	void onlyTheOwningRoleMakesAnAllowedMove(ApplicationStatus status, Transition transition, Role actor) {
		ApplicationState state = new ApplicationState(1, 1, "50A", CommissioningLevel.DELEGATED, status,
				BoardDecision.APPROVED, 0);
		Object[] allowed = ALLOWED.stream()
			.filter(row -> row[0] == status && row[1] == transition && row[2] == actor)
			.findFirst()
			.orElse(null);
		if (allowed != null) {
			assertThat(state.apply(transition, actor).status()).isEqualTo(allowed[3]);
		}
		else if (ALLOWED.stream().noneMatch(row -> row[0] == status && row[1] == transition)) {
			assertThatThrownBy(() -> state.apply(transition, actor)).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("cannot move to");
		}
		else {
			assertThatThrownBy(() -> state.apply(transition, actor)).isInstanceOf(AccessDeniedException.class);
		}
	}

	@Test
	void aRejectedApplicationNeverGoesLive() {
		ApplicationState rejected = new ApplicationState(1, 1, "50A", CommissioningLevel.JOINT, ApplicationStatus.DECIDED,
				BoardDecision.REJECTED, 0);
		assertThatThrownBy(() -> rejected.apply(Transition.GO_LIVE, null)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Only an application the board approved can go live");
	}

	@Test
	void liveAndWithdrawnAreFinal() {
		for (ApplicationStatus end : List.of(ApplicationStatus.LIVE, ApplicationStatus.WITHDRAWN)) {
			assertThat(Arrays.stream(Transition.values()).noneMatch(t -> t.allowedFrom(end))).isTrue();
		}
	}
}

package org.cocommission.cocommissioning.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.NewRound;
import org.cocommission.cocommissioning.Round;
import org.cocommission.governance.QuorumRule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full-application deadline per level (docs/domain-rules.md#co-commissioning: in 2015/16, 9 January 2015 for
 * delegated and 30 January 2015 for joint commissioning), falling back to the round's.
 */
class RoundDeadlinesTests {

	private static final Instant DELEGATED_DUE = Instant.parse("2015-01-09T12:00:00Z");

	private static final Instant JOINT_DUE = Instant.parse("2015-01-30T12:00:00Z");

	private static Round round2015(Map<CommissioningLevel, Instant> own) {
		return new Round(1, "2015/16", EnumSet.allOf(CommissioningLevel.class), Instant.parse("2014-06-20T16:00:00Z"),
				JOINT_DUE, LocalDate.of(2015, 4, 1), 0, 4, List.of(), new QuorumRule(3, 1, 1, 1, true), 0, own);
	}

	@Test
	void aLevelWithItsOwnDeadlineUsesItAndTheOthersUseTheRounds() {
		Round round = round2015(Map.of(CommissioningLevel.DELEGATED, DELEGATED_DUE));
		assertThat(round.applicationDeadlineFor(CommissioningLevel.DELEGATED)).isEqualTo(DELEGATED_DUE);
		assertThat(round.applicationDeadlineFor(CommissioningLevel.JOINT)).isEqualTo(JOINT_DUE);
		assertThat(round.deadlinesDifferByLevel()).isTrue();
		assertThat(round.earliestApplicationDeadline()).isEqualTo(DELEGATED_DUE);
		assertThat(round2015(Map.of()).deadlinesDifferByLevel()).isFalse();
	}

	@Test
	void remindersCoverTheRoundsDeadlineAndEachLevelsOwn() {
		assertThat(DeadlineReminders.deadlines(round2015(Map.of(CommissioningLevel.DELEGATED, DELEGATED_DUE))))
			.extracting(DeadlineReminders.Deadline::key, DeadlineReminders.Deadline::at)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("EXPRESSION_OF_INTEREST", Instant.parse("2014-06-20T16:00:00Z")),
					org.assertj.core.groups.Tuple.tuple("APPLICATION", JOINT_DUE),
					org.assertj.core.groups.Tuple.tuple("APPLICATION_DELEGATED", DELEGATED_DUE));
		assertThat(DeadlineReminders.deadlines(round2015(Map.of()))).extracting(DeadlineReminders.Deadline::key)
			.containsExactly("EXPRESSION_OF_INTEREST", "APPLICATION");
	}

	@Test
	void aLevelsDeadlineMustBeForALevelOfferedAfterExpressionsOfInterestAndBeforeGoLive() {
		assertThatThrownBy(() -> new NewRound("Bad", EnumSet.of(CommissioningLevel.JOINT), LocalDateTime.of(2014, 6, 20, 17, 0),
				LocalDateTime.of(2015, 1, 30, 12, 0), LocalDate.of(2015, 4, 1), 0, 4, List.of("Integration"),
				Map.of(CommissioningLevel.DELEGATED, LocalDateTime.of(2015, 1, 9, 12, 0),
						CommissioningLevel.JOINT, LocalDateTime.of(2015, 4, 2, 12, 0))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("The go-live date must be after the full application deadline for joint commissioning")
			.hasMessageContaining("The full application deadline for delegated commissioning is set but the level is not offered");
		assertThatThrownBy(() -> new NewRound("Bad", EnumSet.of(CommissioningLevel.DELEGATED),
				LocalDateTime.of(2014, 6, 20, 17, 0), LocalDateTime.of(2015, 1, 30, 12, 0), LocalDate.of(2015, 4, 1), 0, 4,
				List.of("Integration"), Map.of(CommissioningLevel.DELEGATED, LocalDateTime.of(2014, 6, 1, 12, 0))))
			.hasMessageContaining("The full application deadline for delegated commissioning must not be before the expression of interest deadline");
		assertThat(new NewRound("Good", EnumSet.of(CommissioningLevel.DELEGATED), LocalDateTime.of(2014, 6, 20, 17, 0),
				LocalDateTime.of(2015, 1, 30, 12, 0), LocalDate.of(2015, 4, 1), 0, 4, List.of("Integration"), null)
			.levelDeadlines()).isEmpty();
	}
}

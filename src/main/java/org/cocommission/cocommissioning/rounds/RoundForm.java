package org.cocommission.cocommissioning.rounds;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Size;

import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.NewRound;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The round form as the national user typed it, bound by Spring: deadlines are local times in England as a
 * datetime-local input sends them. {@link NewRound} checks the whole round and names every problem at once.
 */
public record RoundForm(@Size(max = 200, message = "The round's name must be 200 characters or fewer") String name,
		List<CommissioningLevel> levels, @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime eoiDeadline,
		@DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime applicationDeadline,
		Map<CommissioningLevel, LocalDateTime> levelDeadlines, @DateTimeFormat(iso = ISO.DATE) LocalDate goLiveOn,
		Integer scoreMin, Integer scoreMax, String criteria) {

	/** The scale a round scores on unless the national user sets another. */
	static final int SCORE_MIN = 0;

	static final int SCORE_MAX = 4;

	/** A new round: every level offered, the usual scale. */
	static RoundForm blank() {
		return new RoundForm(null, List.of(CommissioningLevel.values()), null, null, Map.of(), null, SCORE_MIN, SCORE_MAX,
				null);
	}

	NewRound toNewRound() {
		return new NewRound(name, levels == null ? Set.of() : Set.copyOf(levels),
				eoiDeadline, applicationDeadline, goLiveOn, scoreMin == null ? SCORE_MIN : scoreMin,
				scoreMax == null ? SCORE_MAX : scoreMax, criteria == null ? List.of() : Arrays.asList(criteria.split("\\R")),
				levelDeadlines == null ? Map.of() : levelDeadlines);
	}

	/** Each level's own deadline as typed, as the datetime-local inputs show it. */
	Map<CommissioningLevel, String> levelDeadlineValues() {
		Map<CommissioningLevel, String> values = new EnumMap<>(CommissioningLevel.class);
		if (levelDeadlines != null) {
			levelDeadlines.forEach((level, deadline) -> {
				if (level != null && deadline != null) {
					values.put(level, deadline.toString());
				}
			});
		}
		return values;
	}
}

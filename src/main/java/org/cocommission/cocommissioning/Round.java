package org.cocommission.cocommissioning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * A round of co-commissioning applications as NHS England set it up: the levels offered, the deadlines for
 * expressions of interest and full applications (instants; shown in Europe/London time), the go-live date and the
 * assessment criteria with their scoring scale.
 */
public record Round(long id, String name, Set<CommissioningLevel> levels, Instant eoiDeadline,
		Instant applicationDeadline, LocalDate goLiveOn, int scoreMin, int scoreMax, List<Criterion> criteria) {

	/** Deadlines are set and shown as the time in England. */
	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public Round {
		levels = Set.copyOf(levels);
		criteria = List.copyOf(criteria);
	}

	public record Criterion(long id, int position, String name) {
	}

	public ZonedDateTime eoiDeadlineInLondon() {
		return eoiDeadline.atZone(LONDON);
	}

	public ZonedDateTime applicationDeadlineInLondon() {
		return applicationDeadline.atZone(LONDON);
	}

	public boolean offers(CommissioningLevel level) {
		return levels.contains(level);
	}

	public List<CommissioningLevel> levelsInOrder() {
		return java.util.Arrays.stream(CommissioningLevel.values()).filter(levels::contains).toList();
	}
}

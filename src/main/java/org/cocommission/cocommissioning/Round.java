package org.cocommission.cocommissioning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cocommission.governance.QuorumRule;

/**
 * A round of co-commissioning applications as NHS England set it up: the levels offered, the deadlines for
 * expressions of interest and full applications (instants; shown in Europe/London time), the go-live date and the
 * assessment criteria with their scoring scale, a full-application deadline per level where one differs (2015/16),
 * and the quorum a proposed committee must meet (configurable per round, docs/domain-rules.md#co-commissioning; the
 * typical one by default), with a version for optimistic locking when it is edited.
 */
public record Round(long id, String name, Set<CommissioningLevel> levels, Instant eoiDeadline,
		Instant applicationDeadline, LocalDate goLiveOn, int scoreMin, int scoreMax, List<Criterion> criteria,
		QuorumRule quorum, int version, Map<CommissioningLevel, Instant> levelDeadlines) {

	/** Deadlines are set and shown as the time in England. */
	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public Round {
		levels = Set.copyOf(levels);
		criteria = List.copyOf(criteria);
		levelDeadlines = Map.copyOf(levelDeadlines);
	}

	/** The full-application deadline for a level: its own if the round sets one, otherwise the round's. */
	public Instant applicationDeadlineFor(CommissioningLevel level) {
		return levelDeadlines.getOrDefault(level, applicationDeadline);
	}

	public ZonedDateTime applicationDeadlineInLondon(CommissioningLevel level) {
		return applicationDeadlineFor(level).atZone(LONDON);
	}

	/** Whether any level offered has a deadline of its own, different from the round's. */
	public boolean deadlinesDifferByLevel() {
		return levels.stream().anyMatch(level -> !applicationDeadlineFor(level).equals(applicationDeadline));
	}

	/** The earliest full-application deadline of any level offered. */
	public Instant earliestApplicationDeadline() {
		return levels.stream().map(this::applicationDeadlineFor).min(Instant::compareTo).orElse(applicationDeadline);
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

package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cocommission.platform.InvalidInputException;

/**
 * A round to set up. Deadlines are local times in England (Europe/London), as the guidance states them; a level
 * offered may have its own full-application deadline (2015/16: 9 January 2015 delegated, 30 January 2015 joint),
 * otherwise the round's applies. Validates in its constructor and names every missing or wrong field at once, each
 * against the field it is about (a field with two problems gets both, in one message).
 */
public record NewRound(String name, Set<CommissioningLevel> levels, LocalDateTime eoiDeadline,
		LocalDateTime applicationDeadline, LocalDate goLiveOn, int scoreMin, int scoreMax, List<String> criteria,
		Map<CommissioningLevel, LocalDateTime> levelDeadlines) {

	/** A round whose full-application deadline is the same for every level. */
	public NewRound(String name, Set<CommissioningLevel> levels, LocalDateTime eoiDeadline,
			LocalDateTime applicationDeadline, LocalDate goLiveOn, int scoreMin, int scoreMax, List<String> criteria) {
		this(name, levels, eoiDeadline, applicationDeadline, goLiveOn, scoreMin, scoreMax, criteria, Map.of());
	}

	public NewRound {
		name = name == null ? "" : name.trim();
		levels = levels == null ? Set.of() : Set.copyOf(levels);
		Map<CommissioningLevel, LocalDateTime> perLevel = new EnumMap<>(CommissioningLevel.class);
		if (levelDeadlines != null) {
			levelDeadlines.forEach((level, deadline) -> {
				if (level != null && deadline != null) {
					perLevel.put(level, deadline);
				}
			});
		}
		levelDeadlines = Map.copyOf(perLevel);
		criteria = criteria == null ? List.of()
				: criteria.stream().filter(c -> c != null && !c.isBlank()).map(String::trim).toList();
		Map<String, String> problems = new LinkedHashMap<>();
		if (name.isEmpty()) {
			problem(problems, "name", "Enter the round's name");
		}
		if (levels.isEmpty()) {
			problem(problems, "levels", "Choose at least one level offered");
		}
		if (eoiDeadline == null) {
			problem(problems, "eoiDeadline", "Enter the deadline for expressions of interest");
		}
		if (applicationDeadline == null) {
			problem(problems, "applicationDeadline", "Enter the deadline for full applications");
		}
		if (eoiDeadline != null && applicationDeadline != null && applicationDeadline.isBefore(eoiDeadline)) {
			problem(problems, "applicationDeadline",
					"The full application deadline must not be before the expression of interest deadline");
		}
		for (Map.Entry<CommissioningLevel, LocalDateTime> own : new java.util.TreeMap<>(levelDeadlines).entrySet()) {
			String level = own.getKey().label().toLowerCase();
			if (!levels.contains(own.getKey())) {
				problem(problems, "levelDeadlines",
						"The full application deadline for " + level + " is set but the level is not offered");
			}
			if (eoiDeadline != null && own.getValue().isBefore(eoiDeadline)) {
				problem(problems, "levelDeadlines", "The full application deadline for " + level
						+ " must not be before the expression of interest deadline");
			}
			if (goLiveOn != null && !goLiveOn.isAfter(own.getValue().toLocalDate())) {
				problem(problems, "levelDeadlines",
						"The go-live date must be after the full application deadline for " + level);
			}
		}
		if (goLiveOn == null) {
			problem(problems, "goLiveOn", "Enter the go-live date");
		}
		else if (applicationDeadline != null && !goLiveOn.isAfter(applicationDeadline.toLocalDate())) {
			problem(problems, "goLiveOn", "The go-live date must be after the full application deadline");
		}
		if (scoreMax <= scoreMin) {
			problem(problems, "scoreMax", "The highest score must be above the lowest");
		}
		if (criteria.isEmpty()) {
			problem(problems, "criteria", "Enter at least one assessment criterion");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static void problem(Map<String, String> problems, String field, String message) {
		problems.merge(field, message, (first, second) -> first + "; " + second);
	}
}

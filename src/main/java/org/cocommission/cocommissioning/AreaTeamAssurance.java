package org.cocommission.cocommissioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Part 2 of a delegated application, filled in by the area team (docs/domain-rules.md#co-commissioning): assurance
 * thresholds met, conflicts of interest thresholds met, sound financial control, and a signed declaration. It must be
 * completed before a delegated application is recommended, and all three must be met for a recommendation to approve.
 */
public record AreaTeamAssurance(boolean assuranceThresholdsMet, boolean conflictsThresholdsMet,
		boolean soundFinancialControl, String declarationName, String signedBy, Instant signedAt) {

	public AreaTeamAssurance {
		if (declarationName == null || declarationName.isBlank()) {
			throw new IllegalArgumentException("Sign the area team's declaration: enter your full name");
		}
		declarationName = declarationName.trim();
	}

	public boolean allMet() {
		return assuranceThresholdsMet && conflictsThresholdsMet && soundFinancialControl;
	}

	/** What stops this recommendation of an application at {@code level}, given part 2 as recorded (or null). */
	static List<String> blocks(CommissioningLevel level, AreaTeamAssurance part2, Recommendation recommendation) {
		if (level != CommissioningLevel.DELEGATED) {
			return List.of();
		}
		if (part2 == null) {
			return List.of("Complete part 2 (the area team's assurance and signed declaration) before recommending"
					+ " a delegated application");
		}
		if (recommendation == Recommendation.DO_NOT_APPROVE) {
			return List.of();
		}
		List<String> blocks = new ArrayList<>();
		if (!part2.assuranceThresholdsMet()) {
			blocks.add("the assurance thresholds are not met");
		}
		if (!part2.conflictsThresholdsMet()) {
			blocks.add("the conflicts of interest thresholds are not met");
		}
		if (!part2.soundFinancialControl()) {
			blocks.add("sound financial control is not shown");
		}
		return blocks.isEmpty() ? List.of()
				: List.of("Part 2 does not support approval: " + String.join("; ", blocks)
						+ ". Recommend that the board does not approve, or update part 2");
	}
}

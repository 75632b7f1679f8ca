package org.cocommission.qualitypremium.runs;

import java.util.List;

/**
 * A run redone from what it stored: each CCG's award recomputed from its stored inputs under the run's scheme and
 * compared line by line with the stored award, and the inputs hashed again.
 */
public record Reproduction(long runId, String inputsSha256, boolean inputsHashMatches, int ccgs, int matching,
		List<String> differences) {

	public Reproduction {
		differences = List.copyOf(differences);
	}

	public boolean reproduced() {
		return inputsHashMatches && matching == ccgs;
	}
}

package org.cocommission.outcomes.read;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A practice's outcomes for machines: its spine (with its peers' average) and its 10 most similar practices. */
@RestController
@RequestMapping("/api/v1/outcomes/practices")
@Tag(name = "Outcomes", description = "Indicators, observations, computed values and CCG peer groups")
class PracticeApiController {

	private final PracticeOutcomes practices;

	PracticeApiController(PracticeOutcomes practices) {
		this.practices = practices;
	}

	@Operation(summary = "A practice's spine chart",
			description = "Every practice-level indicator at the practice's latest period: England's value, the practice's"
					+ " value with its interval, comparison with England and decile, its CCG's value, its 10 peers' pooled"
					+ " average and range with the practice's comparison with it (peers.comparison), and the range of all"
					+ " practices.")
	@GetMapping("/{code}/spine")
	List<PracticeSpineRow> spine(@PathVariable String code) {
		return practices.spine(code.toUpperCase());
	}

	@Operation(summary = "A practice's 10 most similar practices in England, nearest first, with their distances")
	@GetMapping("/{code}/peers")
	List<PracticePeerGroups.Peer> peers(@PathVariable String code) {
		return practices.peers(code.toUpperCase()).peers();
	}

	@Operation(summary = "The standardised variables that placed a practice among its peers")
	@GetMapping("/{code}/peers/variables")
	List<PeerGroups.Variable> peerVariables(@PathVariable String code) {
		String practice = code.toUpperCase();
		return practices.peers(practice).values().getOrDefault(practice, List.of());
	}
}

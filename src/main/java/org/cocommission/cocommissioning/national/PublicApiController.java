package org.cocommission.cocommissioning.national;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.cocommission.cocommissioning.CommissioningLevels;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The published co-commissioning arrangements, open to everyone. */
@RestController
@RequestMapping("/api/v1/public/co-commissioning")
@Tag(name = "Co-commissioning (public)", description = "Approved arrangements and CCGs' levels over time")
public class PublicApiController {

	private final NationalView national;

	private final CommissioningLevels levels;

	PublicApiController(NationalView national, CommissioningLevels levels) {
		this.national = national;
		this.levels = levels;
	}

	@Operation(summary = "Approved joint and delegated arrangements, newest first")
	@GetMapping("/arrangements")
	List<NationalView.Arrangement> arrangements() {
		return national.approvedArrangements();
	}

	@Operation(summary = "A CCG's commissioning level over time")
	@GetMapping("/ccgs/{ccg}/levels")
	List<CommissioningLevels.LevelPeriod> levels(@PathVariable String ccg) {
		return levels.history(ccg.toUpperCase());
	}
}

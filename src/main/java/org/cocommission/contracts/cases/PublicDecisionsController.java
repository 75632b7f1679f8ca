package org.cocommission.contracts.cases;

import java.util.ArrayList;
import java.util.List;

import org.cocommission.contracts.ContractCases;
import org.cocommission.contracts.RegionDecisions;
import org.cocommission.platform.Exports;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public register of contract decisions, and its national view by region: open to everyone, like the other published registers. */
@Controller
class PublicDecisionsController {

	private final ContractCases cases;

	PublicDecisionsController(ContractCases cases) {
		this.cases = cases;
	}

	@GetMapping("/public/contracts/decisions")
	String decisions(Model model) {
		model.addAttribute("decisions", cases.decisions(1000));
		return "contracts/public-decisions";
	}

	/** The national view: decisions by region and by who took them. */
	@GetMapping("/public/contracts/decisions/regions")
	String byRegion(Model model) {
		model.addAttribute("regions", cases.decisionsByRegion());
		return "contracts/decisions-by-region";
	}

	@GetMapping("/public/contracts/decisions/regions.csv")
	ResponseEntity<String> byRegionCsv() {
		List<List<Object>> rows = new ArrayList<>();
		for (RegionDecisions region : cases.decisionsByRegion()) {
			rows.add(List.of(region.regionCode(), region.regionName(), region.decided(), region.approved(),
					region.refused(), region.byDelegatedCommittee(), region.byJointCommittee(), region.byNhsEngland()));
		}
		return Exports.csvDownload(new Table("Contract decisions by region", List.of("Region code", "Region",
				"Decisions", "Approved", "Refused", "By a delegated CCG committee", "By a joint committee",
				"By NHS England"), rows), "contract-decisions-by-region.csv");
	}

	@GetMapping("/api/v1/public/contracts/decisions/regions")
	@ResponseBody
	List<RegionDecisions> byRegionApi() {
		return cases.decisionsByRegion();
	}
}

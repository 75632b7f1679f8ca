package org.cocommission.contracts.cases;

import org.cocommission.contracts.ContractCases;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public register of contract decisions: open to everyone, like the other published registers. */
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
}

package org.cocommission.governance.publication;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceViews.DecisionRow;
import org.cocommission.platform.PageOf;

/** The published governance registers, open to everyone: nothing here shows a sensitive or unpublished entry. */
@Controller
public class GovernancePublicController {

	private final Governance governance;

	private final GovernanceExports exports;

	GovernancePublicController(Governance governance, GovernanceExports exports) {
		this.governance = governance;
		this.exports = exports;
	}

	@GetMapping("/public/governance/decisions")
	String decisions(@RequestParam(required = false) String ccg, @RequestParam(defaultValue = "false") boolean procurement,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String code = ccgOrEvery(ccg);
		PageOf<DecisionRow> decisions = governance.decisionPage(code, procurement, page, 50);
		model.addAttribute("ccg", code);
		model.addAttribute("procurement", procurement);
		model.addAttribute("result", decisions);
		model.addAttribute("decisions", decisions.items());
		model.addAttribute("ccgNames", ccgNames(decisions.items(), code));
		String base = "/public/governance/decisions?procurement=" + procurement + (code == null ? "" : "&ccg=" + code) + "&page=";
		model.addAttribute("previousHref", decisions.hasPrevious() ? base + (page - 1) : null);
		model.addAttribute("nextHref", decisions.hasNext() ? base + (page + 1) : null);
		return "governance/decisions";
	}

	@GetMapping("/public/governance/decisions.csv")
	ResponseEntity<String> decisionsCsv(@RequestParam(required = false) String ccg,
			@RequestParam(defaultValue = "false") boolean procurement) {
		String code = ccgOrEvery(ccg);
		return exports.decisionsCsv(governance.decisions(code, procurement), procurement);
	}

	@GetMapping("/public/governance/decisions.pdf")
	ResponseEntity<byte[]> decisionsPdf(@RequestParam(required = false) String ccg,
			@RequestParam(defaultValue = "false") boolean procurement) {
		String code = ccgOrEvery(ccg);
		List<DecisionRow> decisions = governance.decisions(code, procurement);
		return exports.decisionsPdf(decisions, procurement, code, ccgNames(decisions, code), governance.today());
	}

	/** The CCG asked for, its code in capitals; null (every CCG) when none is. */
	private static String ccgOrEvery(String ccg) {
		return ccg == null || ccg.isBlank() ? null : ccg.trim().toUpperCase();
	}

	/** The names of the decisions' CCGs and of the one asked for: public pages name CCGs, not only their codes. */
	private Map<String, String> ccgNames(List<DecisionRow> decisions, String code) {
		Set<String> codes = new TreeSet<>(decisions.stream().map(DecisionRow::ccgCode).toList());
		if (code != null) {
			codes.add(code);
		}
		return governance.names(codes);
	}

	@GetMapping("/public/governance/ccgs/{ccg}/register")
	String register(@PathVariable String ccg, Model model) {
		model.addAttribute("ccg", ccg.toUpperCase());
		model.addAttribute("ccgName", governance.names(List.of(ccg.toUpperCase())).get(ccg.toUpperCase()));
		model.addAttribute("register", governance.publishedRegister(ccg.toUpperCase()));
		return "governance/public-register";
	}

	@GetMapping("/public/governance/ccgs/{ccg}/register.csv")
	ResponseEntity<String> registerCsv(@PathVariable String ccg) {
		return exports.registerCsv(governance.publishedRegister(ccg.toUpperCase()), true);
	}

	@GetMapping("/public/governance/ccgs/{ccg}/register.pdf")
	ResponseEntity<byte[]> registerPdf(@PathVariable String ccg) {
		return exports.registerPdf(governance.publishedRegister(ccg.toUpperCase()), true);
	}

	@GetMapping("/public/governance/meetings/{id}/minutes")
	String minutes(@PathVariable long id, Model model) {
		model.addAttribute("meeting", governance.publishedMinutes(id));
		model.addAttribute("published", true);
		return "governance/minutes";
	}

	@GetMapping("/public/governance/meetings/{id}/minutes.pdf")
	ResponseEntity<byte[]> minutesPdf(@PathVariable long id) {
		return exports.minutesPdf(governance.publishedMinutes(id));
	}
}

package org.cocommission.outcomes.read;

import java.util.List;

import org.cocommission.directory.OrganisationSummary;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.peers.PeerVariables;
import org.cocommission.platform.Exports;
import org.cocommission.platform.PageOf;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The practice page (its indicators against England, its CCG and its peers), one indicator among its CCG's practices, and a CCG's practices. */
@Controller
class PracticePageController {

	private static final int PAGE_SIZE = 25;

	private final PracticeOutcomes practices;

	private final OutcomesValues values;

	PracticePageController(PracticeOutcomes practices, OutcomesValues values) {
		this.practices = practices;
		this.values = values;
	}

	@GetMapping("/outcomes/practices/{code}")
	String practice(@PathVariable String code, Model model) {
		PracticeOutcomes.Page page = practices.page(code.toUpperCase());
		PracticeOutcomes.Practice practice = page.practice();
		List<PracticeSpineRow> spine = page.spine();
		PracticeOutcomes.Peers peers = page.peers();
		model.addAttribute("practice", practice);
		model.addAttribute("spine", spine);
		model.addAttribute("spineChart", OutcomesCharts.practiceSpine(spine));
		model.addAttribute("peers", peers);
		model.addAttribute("peerRows", OutcomesCharts.practicePeersTable(practice.code(), peers).rows());
		model.addAttribute("variableLabels", peers.variables().stream()
			.map(variable -> PeerVariables.LABELS.getOrDefault(variable, variable)).toList());
		return "outcomes/practice";
	}

	@GetMapping("/outcomes/practices/{code}/spine.csv")
	ResponseEntity<String> spineCsv(@PathVariable String code) {
		String practice = code.toUpperCase();
		return Exports.csvDownload(OutcomesCharts.practiceSpineTable(practice, practices.spine(practice)),
				"outcomes-practice-spine-" + practice + ".csv");
	}

	@GetMapping("/outcomes/practices/{code}/peers.csv")
	ResponseEntity<String> peersCsv(@PathVariable String code) {
		String practice = code.toUpperCase();
		return Exports.csvDownload(OutcomesCharts.practicePeersTable(practice, practices.peers(practice)),
				"outcomes-practice-peers-" + practice + ".csv");
	}

	@GetMapping("/outcomes/practices/{code}/indicators/{id}")
	String amongCcg(@PathVariable String code, @PathVariable String id, OutcomesQuery query, Model model) {
		PracticeOutcomes.AmongCcg view = practices.amongCcg(code.toUpperCase(), id, query.period());
		PracticeOutcomes.Practice practice = view.chosen();
		model.addAttribute("practice", practice);
		model.addAttribute("view", view);
		model.addAttribute("chart", OutcomesCharts.amongCcg(practice.code(), view.practices(),
				view.ccg() == null ? null : view.ccg().value(), view.england() == null ? null : view.england().value()));
		return "outcomes/practice-indicator";
	}

	@GetMapping("/outcomes/practices/{code}/indicators/{id}/practices.csv")
	ResponseEntity<String> amongCcgCsv(@PathVariable String code, @PathVariable String id, OutcomesQuery query) {
		PracticeOutcomes.AmongCcg view = practices.amongCcg(code.toUpperCase(), id, query.period());
		PracticeOutcomes.Practice practice = view.chosen();
		String periodName = view.period() == null ? "none" : view.period().replace('/', '-');
		return Exports.csvDownload(OutcomesCharts.amongCcgTable(view.indicator(), view.period(), practice.ccgCode(),
				view.practices()), "outcomes-" + id + "-practices-of-" + practice.ccgCode() + "-" + periodName + ".csv");
	}

	/** A practice chosen by code from the outcomes home page; an unknown code goes back to the form with the error. */
	@GetMapping("/outcomes/practices")
	String choosePractice(@RequestParam(required = false) String code, RedirectAttributes redirect) {
		String practice = code == null ? "" : code.strip().toUpperCase();
		String problem = practice.isEmpty() ? "Enter a practice code, for example A81001"
				: practice.length() > 12 || !practices.isPractice(practice)
						? "There is no GP practice with the code " + (practice.length() > 12 ? practice.substring(0, 12) + "…" : practice)
								+ ": enter a practice's ODS code, for example A81001"
						: null;
		if (problem != null) {
			redirect.addFlashAttribute("practiceProblem", problem);
			redirect.addFlashAttribute("practiceCode", code == null ? "" : code.strip());
			return "redirect:/outcomes#choose-practice";
		}
		return "redirect:/outcomes/practices/" + practice;
	}

	@GetMapping("/outcomes/ccgs/{code}/practices")
	String ccgPractices(@PathVariable String code, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		String ccg = code.toUpperCase();
		model.addAttribute("ccgCode", ccg);
		model.addAttribute("ccgName", values.name(ccg));
		PageOf<OrganisationSummary> list = practices.ccgPractices(ccg, q, page, PAGE_SIZE);
		model.addAttribute("q", q);
		model.addAttribute("list", list);
		model.addAttribute("previousHref", list.hasPrevious() ? pageHref(page - 1) : null);
		model.addAttribute("nextHref", list.hasNext() ? pageHref(page + 1) : null);
		return "outcomes/ccg-practices";
	}

	private static String pageHref(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
	}
}

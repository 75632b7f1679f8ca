package org.cocommission.cocommissioning.national;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.platform.Exports;
import org.cocommission.platform.PageOf;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** NHS England's national view with its chart and CSV, and the public page of approved arrangements. */
@Controller
public class NationalPageController {

	/** CCGs on one page of the national view and of the public arrangements. */
	private static final int PAGE_SIZE = 50;

	private final NationalView national;

	private final Rounds rounds;

	private final JsonMapper json;

	NationalPageController(NationalView national, Rounds rounds, JsonMapper json) {
		this.national = national;
		this.rounds = rounds;
		this.json = json;
	}

	@GetMapping("/co-commissioning/national")
	String national(@RequestParam(required = false) Long round, @RequestParam(defaultValue = "0") int page, Model model) {
		NationalView.Overview overview = national.overview(round == null ? latestRound() : round);
		model.addAttribute("overview", overview);
		model.addAttribute("ccgs", PageOf.of(overview.ccgs(), page, PAGE_SIZE));
		model.addAttribute("rounds", rounds.rounds());
		model.addAttribute("levels", CommissioningLevel.values());
		model.addAttribute("chart", json.writeValueAsString(chart(overview.byRegion())));
		return "cocommissioning/national";
	}

	@GetMapping("/co-commissioning/national.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) Long round) {
		NationalView.Overview overview = national.overview(round == null ? latestRound() : round);
		return Exports.csvDownload(national.table(overview), "co-commissioning-" + overview.asAt() + ".csv");
	}

	@GetMapping("/public/co-commissioning")
	String published(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("arrangements", PageOf.of(national.approvedArrangements(), page, PAGE_SIZE));
		return "cocommissioning/public";
	}

	private Long latestRound() {
		List<Round> all = rounds.rounds();
		return all.isEmpty() ? null : all.get(0).id();
	}

	/** Approved CCGs by region: a series per level. */
	static Chart chart(List<NationalView.RegionCount> byRegion) {
		List<Chart.Series> series = new ArrayList<>();
		for (CommissioningLevel level : CommissioningLevel.values()) {
			series.add(new Chart.Series(level.label(), byRegion.stream().map(r -> r.byLevel().get(level)).toList()));
		}
		return new Chart(byRegion.stream().map(NationalView.RegionCount::region).toList(), series);
	}

	/** The chart as cocommissioning-charts.js reads it: the regions and, per level, its CCGs in each region. */
	record Chart(List<String> regions, List<Series> series) {

		record Series(String name, List<Integer> values) {
		}
	}
}

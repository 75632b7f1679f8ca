package org.cocommission.authorisation.assurance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.cocommission.authorisation.Assurance;
import org.cocommission.authorisation.AssuranceRating;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.platform.Exports;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Annual assurance ratings, published: the page with its chart and table, the CSV and the JSON. */
@Controller
class AssuranceController {

	private final Assurance assurance;

	private final Directory directory;

	private final JsonMapper json;

	AssuranceController(Assurance assurance, Directory directory, JsonMapper json) {
		this.assurance = assurance;
		this.directory = directory;
		this.json = json;
	}

	@GetMapping("/authorisation/assurance")
	String page(@RequestParam(required = false) Integer year, Model model) {
		List<Integer> years = assurance.years();
		int shown = year != null ? year : years.isEmpty() ? Assurance.FIRST_YEAR : years.get(years.size() - 1);
		List<Assurance.Rating> ratings = assurance.ratings(shown);
		List<Assurance.YearCounts> counts = assurance.counts();
		model.addAttribute("year", shown);
		model.addAttribute("yearLabel", Assurance.yearLabel(shown));
		model.addAttribute("years", years);
		model.addAttribute("ratings", ratings);
		model.addAttribute("counts", counts);
		model.addAttribute("levels", AssuranceRating.values());
		model.addAttribute("names", names(ratings.stream().map(Assurance.Rating::ccgCode).toList()));
		model.addAttribute("chart", json.writeValueAsString(chart(counts)));
		return "authorisation/assurance";
	}

	/** CCGs by rating, year by year: a series per rating. */
	static Chart chart(List<Assurance.YearCounts> counts) {
		List<Chart.Series> series = new ArrayList<>();
		for (AssuranceRating rating : AssuranceRating.values()) {
			series.add(new Chart.Series(rating.label(),
					counts.stream().map(count -> count.counts().get(rating)).toList()));
		}
		return new Chart(counts.stream().map(Assurance.YearCounts::yearLabel).toList(), series);
	}

	/** The chart as authorisation-charts.js reads it: the years ("2014/15") and, per rating, its CCGs each year. */
	record Chart(List<String> years, List<Series> series) {

		record Series(String name, List<Integer> values) {
		}
	}

	@GetMapping("/authorisation/assurance.csv")
	ResponseEntity<String> csv(@RequestParam int year) {
		List<Assurance.Rating> ratings = assurance.ratings(year);
		Map<String, String> names = names(ratings.stream().map(Assurance.Rating::ccgCode).toList());
		List<List<Object>> rows = new ArrayList<>();
		for (Assurance.Rating rating : ratings) {
			rows.add(List.of(Assurance.yearLabel(year), rating.ccgCode(), names.get(rating.ccgCode()),
					rating.rating().label(), rating.evidence()));
		}
		return Exports.csvDownload(new Table("CCG annual assurance " + Assurance.yearLabel(year),
				List.of("Year", "CCG code", "CCG", "Rating", "Evidence"), rows),
				"ccg-assurance-" + year + ".csv");
	}

	@GetMapping("/api/v1/authorisation/assurance")
	@ResponseBody
	List<Assurance.Rating> ratings(@RequestParam int year) {
		return assurance.ratings(year);
	}

	@GetMapping("/api/v1/authorisation/assurance/counts")
	@ResponseBody
	List<Assurance.YearCounts> counts() {
		return assurance.counts();
	}

	@GetMapping("/api/v1/authorisation/assurance/ccgs/{code}")
	@ResponseBody
	List<Assurance.Rating> trend(@org.springframework.web.bind.annotation.PathVariable String code) {
		return assurance.ratingsOf(code);
	}

	private Map<String, String> names(List<String> codes) {
		Map<String, OrganisationRef> refs = directory.refs(codes);
		Map<String, String> names = new LinkedHashMap<>();
		codes.forEach(code -> names.put(code, refs.containsKey(code) ? refs.get(code).name() : code));
		return names;
	}
}

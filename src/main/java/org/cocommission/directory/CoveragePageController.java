package org.cocommission.directory;

import java.time.LocalDate;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Whether the whole country is covered by CCGs on a date, and the CSV of every open practice's CCGs then. */
@Controller
class CoveragePageController {

	private final Directory directory;

	private final DirectoryPageQueries queries;

	CoveragePageController(Directory directory, DirectoryPageQueries queries) {
		this.directory = directory;
		this.queries = queries;
	}

	@GetMapping("/coverage")
	String coverage(@RequestParam(required = false) String date, Model model) {
		LocalDate today = directory.today();
		LocalDate on = DirectoryParams.date(date, today);
		model.addAttribute("view", CoverageView.of(directory.coverage(on), today, queries));
		return "directory/coverage";
	}

	@GetMapping("/coverage.csv")
	ResponseEntity<String> csv(@RequestParam(required = false) String date) {
		LocalDate on = DirectoryParams.date(date, directory.today());
		return DirectoryCsv.coverage(on, directory.practiceCoverage(on));
	}
}

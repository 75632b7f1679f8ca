package org.cocommission.directory;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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
	String coverage(@Valid CoverageQuery query, Model model) {
		LocalDate today = directory.today();
		LocalDate on = query.orElse(today);
		model.addAttribute("view", CoverageView.of(directory.coverage(on), today, queries, query.pageOrFirst(),
				query.sizeOrDefault()));
		return "directory/coverage";
	}

	@GetMapping("/coverage.csv")
	ResponseEntity<String> csv(@Valid OnDate query) {
		LocalDate on = query.orElse(directory.today());
		return DirectoryCsv.coverage(on, directory.practiceCoverage(on));
	}
}

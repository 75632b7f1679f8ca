package org.cocommission.directory.coverage;

import java.time.LocalDate;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import org.cocommission.directory.Directory;
import org.cocommission.directory.organisations.DirectoryCsv;
import org.cocommission.directory.organisations.DirectoryPageQueries;
import org.cocommission.directory.structure.OnDate;

/** Whether the whole country is covered by CCGs on a date, and the CSV of every open practice's CCGs then. */
@Controller
public class CoveragePageController {

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final HomePageFigures figures;

	CoveragePageController(Directory directory, DirectoryPageQueries queries, HomePageFigures figures) {
		this.directory = directory;
		this.queries = queries;
		this.figures = figures;
	}

	@GetMapping("/coverage")
	public String coverage(@Valid CoverageQuery query, Model model) {
		LocalDate today = directory.today();
		LocalDate on = query.orElse(today);
		model.addAttribute("view", CoverageView.of(figures.coverage(on), today, queries, query.pageOrFirst(),
				query.sizeOrDefault()));
		return "directory/coverage";
	}

	@GetMapping("/coverage.csv")
	ResponseEntity<String> csv(@Valid OnDate query) {
		LocalDate on = query.orElse(directory.today());
		return DirectoryCsv.coverage(on, directory.practiceCoverage(on));
	}
}

package org.cocommission.directory.organisations;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.cocommission.directory.Directory;
import org.cocommission.directory.NationalSummary;
import org.cocommission.directory.OdsCode;
import org.cocommission.directory.coverage.HomePageFigures;

/** The home page and organisation search, with the type-ahead fragment htmx asks for as people type. */
@Controller
public class DirectoryPageController {

	private static final int SUGGESTIONS = 10;

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final HomePageFigures homePage;

	private final SearchResults searchResults;

	DirectoryPageController(Directory directory, DirectoryPageQueries queries, HomePageFigures homePage,
			SearchResults searchResults) {
		this.directory = directory;
		this.queries = queries;
		this.homePage = homePage;
		this.searchResults = searchResults;
	}

	@GetMapping("/")
	String home(Model model) {
		HomePageFigures.Figures figures = homePage.today();
		NationalSummary summary = figures.summary();
		model.addAttribute("summary", summary);
		model.addAttribute("coverage", figures.coverage());
		model.addAttribute("empty", summary.regions() + summary.ccgs() + summary.openPractices() + summary.otherSettings()
				+ summary.csus() == 0);
		return "directory/home";
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", required = false) String q, Model model) {
		String query = OrganisationsQuery.blankToNull(q);
		// Someone who types an exact code wants that organisation, not a list of one.
		String code = DirectoryParams.code(query);
		if (OdsCode.isValid(code) && queries.exists(code)) {
			return "redirect:/organisations/" + code;
		}
		SearchResults.Page page = query == null ? new SearchResults.Page(List.of(), false) : searchResults.page(query);
		model.addAttribute("q", query);
		model.addAttribute("results", page.results());
		model.addAttribute("more", page.more());
		return "directory/search";
	}

	@GetMapping("/search/suggestions")
	String suggestions(@RequestParam(name = "q", required = false) String q, Model model) {
		String query = OrganisationsQuery.blankToNull(q);
		model.addAttribute("q", query);
		model.addAttribute("results", query == null ? List.of()
				: SearchResultView.of(searchResults.hits(query, SUGGESTIONS), queries, directory.today()));
		return "directory/suggestions :: suggestions";
	}
}

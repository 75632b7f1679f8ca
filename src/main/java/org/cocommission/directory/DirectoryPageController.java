package org.cocommission.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The home page and organisation search, with the type-ahead fragment htmx asks for as people type. */
@Controller
class DirectoryPageController {

	private static final int SUGGESTIONS = 10;

	private static final int RESULTS = 50;

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final HomePageFigures homePage;

	DirectoryPageController(Directory directory, DirectoryPageQueries queries, HomePageFigures homePage) {
		this.directory = directory;
		this.queries = queries;
		this.homePage = homePage;
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
		List<OrganisationSummary> hits = query == null ? List.of() : directory.search(query, RESULTS + 1);
		model.addAttribute("q", query);
		List<OrganisationSummary> shown = hits.stream().limit(RESULTS).toList();
		Map<String, OrganisationType> types = new LinkedHashMap<>();
		shown.forEach(organisation -> types.put(organisation.code(), organisation.type()));
		model.addAttribute("results", SearchResultView.of(shown, queries, directory.today(),
				directory.currentListSizes(types)));
		model.addAttribute("more", hits.size() > RESULTS);
		return "directory/search";
	}

	@GetMapping("/search/suggestions")
	String suggestions(@RequestParam(name = "q", required = false) String q, Model model) {
		String query = OrganisationsQuery.blankToNull(q);
		model.addAttribute("q", query);
		model.addAttribute("results", query == null ? List.of()
				: SearchResultView.of(directory.search(query, SUGGESTIONS), queries, directory.today()));
		return "directory/suggestions :: suggestions";
	}
}

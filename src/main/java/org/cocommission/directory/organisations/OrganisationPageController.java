package org.cocommission.directory.organisations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import org.cocommission.directory.Directory.ListSort;
import org.cocommission.directory.Directory;
import org.cocommission.directory.ListSizePoint;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.directory.OrganisationFacts;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.PopulationPyramid;
import org.cocommission.directory.organisations.OrganisationListView.Request;
import org.cocommission.directory.structure.StructureTimeline;
import org.cocommission.platform.PageOf;

/** The organisations list (by type, under a parent, sorted and paged), its CSV download and each organisation's page. */
@Controller
public class OrganisationPageController {

	private static final int CSV_BATCH = 5_000;

	private final Directory directory;

	private final DirectoryPageQueries queries;

	private final JsonMapper json;

	private final List<OrganisationFacts> facts;

	private final OrganisationPageFigures pageFigures;

	private final OrganisationLists lists;

	OrganisationPageController(Directory directory, DirectoryPageQueries queries, JsonMapper json,
			List<OrganisationFacts> facts, OrganisationPageFigures pageFigures, OrganisationLists lists) {
		this.pageFigures = pageFigures;
		this.lists = lists;
		this.directory = directory;
		this.queries = queries;
		this.json = json;
		this.facts = facts;
	}

	@GetMapping("/organisations")
	public String list(@Valid OrganisationsQuery query, Model model) {
		Request request = query.request();
		OrganisationRef parentRef = parent(request);
		OrganisationLists.Listed listed = lists.page(request);
		model.addAttribute("view", new OrganisationListView(request, parentRef, listed.result(), listed.parents()));
		return "directory/organisations";
	}

	@GetMapping("/organisations.csv")
	ResponseEntity<String> csv(OrganisationsQuery query) {
		// Every row, whatever page the list was on.
		Request request = new OrganisationsQuery(query.type(), query.parent(), query.q(), query.sort(), query.dir(),
				null, null)
			.request();
		parent(request);
		List<OrganisationSummary> all = new ArrayList<>();
		PageOf<OrganisationSummary> batch;
		int page = 0;
		do {
			batch = directory.list(request.type(), request.parentCode(), request.query(), request.sort(),
					request.descending(), page++, CSV_BATCH);
			all.addAll(batch.items());
		}
		while (batch.hasNext());
		String name = "organisations"
				+ (request.type() == null ? "" : "-" + request.type().name().toLowerCase(Locale.ROOT))
				+ (request.parentCode() == null ? "" : "-in-" + request.parentCode()) + ".csv";
		return DirectoryCsv.organisations(all,
				queries.parentsOn(all.stream().map(OrganisationSummary::code).toList(), directory.today()), name);
	}

	@GetMapping("/organisations/{code}")
	public String organisation(@PathVariable String code, @Valid OrganisationPageQuery query, Model model) {
		String canonical = DirectoryParams.code(code);
		if (!canonical.equals(code)) {
			return "redirect:/organisations/" + canonical;
		}
		LocalDate today = directory.today();
		LocalDate asAt = query.orElse(today);
		OrganisationPageFigures.Figures figures = pageFigures.of(canonical, asAt);
		OrganisationDetails organisation = figures.organisation();
		ListSort childSort = query.childSort();
		boolean descending = query.descending();
		Map<String, Object> keep = new LinkedHashMap<>();
		keep.put("date", asAt.equals(today) ? null : asAt);
		List<ListSizePoint> listSizes = figures.listSizes();
		PopulationPyramid pyramid = figures.pyramid();
		model.addAttribute("view", new OrganisationPageView(organisation, asAt, asAt.equals(today), figures.chain(),
				OrganisationPageView.sorted(figures.children(), childSort, descending),
				new SortView("/organisations/" + canonical, keep, childSort, descending, "children"),
				OrganisationPageView.membershipRows(figures.memberships(), asAt),
				OrganisationPageView.revisionRows(figures.revisions()), listSizes, pyramid,
				pyramid == null ? null : pyramidChart(pyramid), listSizes.isEmpty() ? null : listSizeChart(listSizes)));
		model.addAttribute("structureTimeline", StructureTimeline.of(organisation));
		model.addAttribute("parentLabels", figures.parentLabels());
		model.addAttribute("factSections",
				facts.stream().flatMap(source -> source.factsFor(canonical, asAt).stream()).toList());
		return "directory/organisation";
	}

	private OrganisationRef parent(Request request) {
		if (request.parentCode() == null) {
			return null;
		}
		OrganisationRef parent = queries.refs(List.of(request.parentCode())).get(request.parentCode());
		if (parent == null) {
			throw new NoSuchElementException("No organisation with code " + request.parentCode());
		}
		return parent;
	}

	private String pyramidChart(PopulationPyramid pyramid) {
		return json.writeValueAsString(OrganisationCharts.Pyramid.of(pyramid));
	}

	private String listSizeChart(List<ListSizePoint> points) {
		return json.writeValueAsString(OrganisationCharts.ListSizes.of(points));
	}
}

package org.cocommission.outcomes.read;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.Structure;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.platform.Exports;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The outcomes pages: home, an indicator's league table, deciles and funnel, and their CSV downloads. */
@Controller
class OutcomesPageController {

	/** London's clock: today's structure is the default (docs/domain-rules.md#outcomes, "Structure"). */
	private static final java.time.Clock LONDON = java.time.Clock.system(java.time.ZoneId.of("Europe/London"));


	private final OutcomesPages pages;

	private final Indicators indicators;

	private final OutcomesValues values;

	private final PeerGroups peers;

	OutcomesPageController(OutcomesPages pages, Indicators indicators, OutcomesValues values, PeerGroups peers) {
		this.pages = pages;
		this.indicators = indicators;
		this.values = values;
		this.peers = peers;
	}

	@GetMapping("/outcomes")
	String home(Model model) {
		pages.requireUser();
		Map<OutcomesDomain, List<Indicator>> byDomain = new LinkedHashMap<>();
		for (Indicator indicator : indicators.all()) {
			byDomain.computeIfAbsent(indicator.domain(), domain -> new ArrayList<>()).add(indicator);
		}
		model.addAttribute("domains", byDomain);
		model.addAttribute("hasValues", values.hasValues());
		model.addAttribute("ccgs", values.ccgsWithValues());
		model.addAttribute("national", pages.isNational());
		model.addAttribute("userCcg", values.userCcg(pages.requireUser()));
		model.addAttribute("userPractice", pages.requireUser().role() == org.cocommission.identity.Role.PRACTICE
				? pages.requireUser().organisationCode() : null);
		return "outcomes/home";
	}

	@GetMapping("/outcomes/indicators/{id}")
	String indicator(@PathVariable String id, OutcomesQuery query, @RequestParam(defaultValue = "value") String sort,
			@RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "0") int page,
			@RequestParam(required = false) Structure structure, Model model) {
		Indicator indicator = indicators.get(id);
		Structure chosenStructure = Structure.askedOrToday(structure, LocalDate.now(LONDON));
		model.addAttribute("structure", chosenStructure);
		OutcomesLevel chosenLevel = query.chosenLevel();
		String period = query.period();
		String org = query.org();
		String parent = query.parent();
		List<String> periods = values.periods(id);
		String chosenPeriod = period != null && periods.contains(period) ? period
				: periods.isEmpty() ? null : periods.get(periods.size() - 1);
		model.addAttribute("indicator", indicator);
		model.addAttribute("numeratorText", OutcomesCharts.definition(indicator.numeratorDefinition()));
		model.addAttribute("denominatorText", OutcomesCharts.definition(indicator.denominatorDefinition()));
		model.addAttribute("levels", OutcomesLevel.values());
		model.addAttribute("level", chosenLevel);
		model.addAttribute("periods", periods);
		model.addAttribute("period", chosenPeriod);
		model.addAttribute("org", org);
		model.addAttribute("parent", parent);
		model.addAttribute("sort", sort);
		model.addAttribute("dir", dir);
		if (chosenPeriod != null) {
			LeagueTable league = pages.leagueTable(indicator, chosenLevel, chosenPeriod, parent, sort, "desc".equals(dir),
					page, chosenStructure);
			model.addAttribute("leagueRows", league.html());
			model.addAttribute("rowCount", league.rowCount());
			model.addAttribute("page", league.page());
			model.addAttribute("totalPages", league.pageCount());
			model.addAttribute("previousHref", league.page() > 0 ? pageHref(league.page() - 1) : null);
			model.addAttribute("nextHref", league.page() < league.pageCount() - 1 ? pageHref(league.page() + 1) : null);
			model.addAttribute("england", values.values(id, OutcomesLevel.ENGLAND, chosenPeriod, null).stream().findFirst().orElse(null));
			if (chosenLevel == OutcomesLevel.ICB && league.rowCount() == 0) {
				model.addAttribute("icbNote", true);
			}
			if (chosenLevel == OutcomesLevel.PRACTICE || chosenLevel == OutcomesLevel.CCG
					|| (chosenLevel == OutcomesLevel.ICB && league.rowCount() > 0)) {
				DecileSeries deciles = values.deciles(id, chosenLevel, org, chosenStructure);
				model.addAttribute("deciles", deciles);
				model.addAttribute("orgProblem", orgProblem(org, chosenLevel, deciles));
				model.addAttribute("decileRows", IndicatorTables.deciles(deciles));
				model.addAttribute("decileChart", OutcomesCharts.deciles(deciles, indicator));
				FunnelPlot funnel = pages.funnel(indicator, chosenLevel, chosenPeriod, parent, chosenStructure);
				model.addAttribute("funnel", funnel);
				if (chosenLevel == OutcomesLevel.PRACTICE) {
					// Every practice in England is a point (about 550 KB of chart data): the chart fetches it after the page.
					model.addAttribute("funnelChartUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
						.path("/outcomes/indicators/{id}/funnel.json")
						.queryParam("level", chosenLevel.slug())
						.queryParam("period", chosenPeriod)
						.queryParamIfPresent("org", java.util.Optional.ofNullable(org))
						.buildAndExpand(id)
						.toUriString());
				}
				else {
					model.addAttribute("funnelChart", OutcomesCharts.funnel(funnel, indicator, org));
				}
			}
		}
		return "outcomes/indicator";
	}

	/**
	 * Why the organisation asked for draws no line on the deciles chart, or null when it does (or none was asked for):
	 * an unknown code, or an organisation with no value for the indicator at the level shown.
	 */
	private String orgProblem(String org, OutcomesLevel level, DecileSeries deciles) {
		if (org == null) {
			return null;
		}
		if (deciles.orgValues() != null && deciles.orgValues().stream().anyMatch(java.util.Objects::nonNull)) {
			return null;
		}
		String name;
		try {
			name = values.name(org.toUpperCase());
		}
		catch (java.util.NoSuchElementException ex) {
			return "No organisation has the code " + org + ": enter an ODS code, for example 00K or A81001";
		}
		return name + " (" + org.toUpperCase() + ") has no value for this indicator among the "
				+ level.inSentence() + ": choose its level above, or another organisation";
	}

	private static String pageHref(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
	}

	@GetMapping("/outcomes/indicators/{id}/values.csv")
	ResponseEntity<String> valuesCsv(@PathVariable String id, OutcomesQuery query,
			@RequestParam(required = false) Structure structure) {
		Indicator indicator = indicators.get(id);
		String period = query.requiredPeriod();
		List<ValueRow> rows = values.values(id, query.chosenLevel(), period, query.parent(),
				Structure.askedOrToday(structure, LocalDate.now(LONDON)));
		return Exports.csvDownload(OutcomesCharts.valuesTable(indicator, period, rows),
				"outcomes-" + id + "-" + levelName(query) + "-" + period.replace('/', '-') + ".csv");
	}

	@GetMapping("/outcomes/indicators/{id}/deciles.csv")
	ResponseEntity<String> decilesCsv(@PathVariable String id, OutcomesQuery query) {
		DecileSeries deciles = values.deciles(id, query.chosenLevel(), query.org());
		return Exports.csvDownload(OutcomesCharts.decileTable(deciles),
				"outcomes-" + id + "-deciles-" + levelName(query) + ".csv");
	}

	/** The funnel plot's points as a table: the whole page, or only the table when htmx asks for it in place. */
	@GetMapping("/outcomes/indicators/{id}/funnel")
	String funnelTable(@PathVariable String id, OutcomesQuery query,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		Indicator indicator = indicators.get(id);
		OutcomesLevel chosenLevel = query.chosenLevel();
		String period = query.requiredPeriod();
		model.addAttribute("indicator", indicator);
		model.addAttribute("level", chosenLevel);
		model.addAttribute("period", period);
		model.addAttribute("funnel", pages.funnel(indicator, chosenLevel, period));
		return htmx != null ? "outcomes/funnel :: table" : "outcomes/funnel";
	}

	/** The funnel plot's chart data, for pages that draw it after they load. */
	@GetMapping(value = "/outcomes/indicators/{id}/funnel.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	String funnelChart(@PathVariable String id, OutcomesQuery query) {
		Indicator indicator = indicators.get(id);
		return OutcomesCharts.funnel(pages.funnel(indicator, query.chosenLevel(), query.requiredPeriod()), indicator,
				query.org());
	}

	@GetMapping("/outcomes/indicators/{id}/funnel.csv")
	ResponseEntity<String> funnelCsv(@PathVariable String id, OutcomesQuery query) {
		String period = query.requiredPeriod();
		FunnelPlot funnel = pages.funnel(indicators.get(id), query.chosenLevel(), period);
		return Exports.csvDownload(OutcomesCharts.funnelTable(funnel),
				"outcomes-" + id + "-funnel-" + levelName(query) + "-" + period.replace('/', '-') + ".csv");
	}

	/** The level as the file name has always given it: as asked for, ccg when not given. */
	private static String levelName(OutcomesQuery query) {
		return query.level() == null ? OutcomesLevel.CCG.slug() : query.level();
	}

	@GetMapping("/outcomes/ccgs/{code}")
	String ccg(@PathVariable String code, @RequestParam(required = false) Structure structure, Model model) {
		String ccg = code.toUpperCase();
		// Asked for a structure, the spine and the peers are of its organisations; otherwise the stored values and
		// peer groups (docs/domain-rules.md#outcomes, "Spine chart" and "Peer groups").
		List<SpineRow> spine = pages.spine(ccg, structure);
		model.addAttribute("ccgCode", ccg);
		model.addAttribute("ccgName", values.name(ccg));
		model.addAttribute("spine", spine);
		model.addAttribute("spineChart", OutcomesCharts.spine(spine));
		model.addAttribute("structure", structure);
		model.addAttribute("today", LocalDate.now(LONDON));
		model.addAttribute("peers", peers.peersOrEmpty(ccg, structure));
		model.addAttribute("variables", peers.variables(ccg));
		return "outcomes/ccg";
	}

	@GetMapping("/outcomes/ccgs/{code}/spine.csv")
	ResponseEntity<String> spineCsv(@PathVariable String code, @RequestParam(required = false) Structure structure) {
		String ccg = code.toUpperCase();
		return Exports.csvDownload(OutcomesCharts.spineTable(ccg, pages.spine(ccg, structure)),
				"outcomes-spine-" + ccg + ".csv");
	}

	@GetMapping("/outcomes/ccgs")
	String chooseCcg(@RequestParam(required = false) String code) {
		if (code == null || code.isBlank()) {
			return "redirect:/outcomes";
		}
		return "redirect:/outcomes/ccgs/" + code.trim().toUpperCase();
	}
}

package org.cocommission.commissioningsupport.reviews;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.commissioningsupport.ArrangementMode;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.ProviderComparison;
import org.cocommission.commissioningsupport.ProviderReviews;
import org.cocommission.commissioningsupport.ReviewForms;
import org.cocommission.commissioningsupport.ReviewQuestion;
import org.cocommission.commissioningsupport.ReviewStatistics;
import org.cocommission.commissioningsupport.ServiceLevelView;
import org.cocommission.commissioningsupport.ServiceReview;
import org.cocommission.commissioningsupport.SupportService;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationDetails;
import org.cocommission.platform.Exports;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of provider reviews: a CCG answers its yearly review of each service it buys (signed in: its users have
 * accounts, so no one-time link is needed), records service levels, and NHS England and area teams compare providers.
 */
@Controller
class ReviewPageController {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

	private final ProviderReviews reviews;

	private final CommissioningSupport support;

	private final Directory directory;

	private final JsonMapper json;

	ReviewPageController(ProviderReviews reviews, CommissioningSupport support, Directory directory, JsonMapper json) {
		this.reviews = reviews;
		this.support = support;
		this.directory = directory;
		this.json = json;
	}

	@GetMapping("/commissioning-support/ccgs/{ccg}/reviews")
	String reviews(@PathVariable String ccg, @RequestParam(required = false) FinancialYear year, Model model) {
		FinancialYear shown = year == null ? reviews.currentYear() : year;
		model.addAttribute("reviews", reviews.review(ccg, shown));
		model.addAttribute("year", shown);
		model.addAttribute("yearParam", param(shown));
		model.addAttribute("years", reviews.years());
		model.addAttribute("ccgCode", ccg);
		model.addAttribute("ccgName", name(ccg));
		return "commissioning-support/reviews";
	}

	@GetMapping("/commissioning-support/ccgs/{ccg}/reviews/{year}/{service}")
	String reviewForm(@PathVariable String ccg, @PathVariable FinancialYear year, @PathVariable String service,
			Model model) {
		ServiceReview review = reviews.review(ccg, year, service);
		model.addAttribute("form", ReviewForms.Answers.of(review.answers(), review.comments()));
		return form(review, model);
	}

	@PostMapping("/commissioning-support/ccgs/{ccg}/reviews/{year}/{service}")
	String answer(@PathVariable String ccg, @PathVariable FinancialYear year, @PathVariable String service,
			@Valid @ModelAttribute("form") ReviewForms.Answers form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!reviews.canAnswer(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s own users answer its reviews");
		}
		ServiceReview review = reviews.review(ccg, year, service);
		if (!result.hasErrors()) {
			try {
				ServiceReview answered = reviews.answer(ccg, year, service, form);
				redirect.addFlashAttribute("message", "Review of " + answered.provider().name() + " for "
						+ answered.service().name().toLowerCase(Locale.UK) + " in " + year + " recorded");
				return "redirect:/commissioning-support/ccgs/" + ccg + "/reviews?year=" + param(year);
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return form(review, model);
	}

	private String form(ServiceReview review, Model model) {
		model.addAttribute("review", review);
		model.addAttribute("ccgName", name(review.ccgCode()));
		model.addAttribute("themes", ReviewQuestion.Theme.values());
		Map<String, String> scale = new LinkedHashMap<>();
		for (int score = 5; score >= 1; score--) {
			scale.put(String.valueOf(score), ReviewQuestion.SCALE.get(score - 1));
		}
		model.addAttribute("scale", scale);
		return "commissioning-support/review-form";
	}

	@GetMapping("/commissioning-support/ccgs/{ccg}/service-levels")
	String serviceLevels(@PathVariable String ccg, Model model) {
		return levels(ccg, model);
	}

	@PostMapping("/commissioning-support/ccgs/{ccg}/service-levels")
	String addServiceLevel(@PathVariable String ccg, @Valid @ModelAttribute("levelForm") ReviewForms.ServiceLevel form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		checkRecord(ccg);
		if (!result.hasErrors()) {
			try {
				ServiceLevelView level = reviews.addServiceLevel(ccg, form);
				redirect.addFlashAttribute("message", "Service level \u201c" + level.name() + "\u201d agreed with "
						+ level.provider().name());
				return "redirect:/commissioning-support/ccgs/" + ccg + "/service-levels";
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return levels(ccg, model);
	}

	@PostMapping("/commissioning-support/ccgs/{ccg}/service-levels/actuals")
	String recordActual(@PathVariable String ccg, @Valid @ModelAttribute("actualForm") ReviewForms.Actual form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		checkRecord(ccg);
		if (!result.hasErrors()) {
			try {
				ServiceLevelView level = reviews.recordActual(ccg, form);
				redirect.addFlashAttribute("message", "Actual for \u201c" + level.name() + "\u201d in "
						+ quarterLabel(form.quarterStart()) + " recorded");
				return "redirect:/commissioning-support/ccgs/" + ccg + "/service-levels";
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return levels(ccg, model);
	}

	private String levels(String ccg, Model model) {
		List<ServiceLevelView> levels = reviews.serviceLevels(ccg);
		model.addAttribute("levels", levels);
		model.addAttribute("ccgCode", ccg);
		model.addAttribute("ccgName", name(ccg));
		model.addAttribute("canRecord", support.canRecord(ccg));
		if (!model.containsAttribute("levelForm")) {
			model.addAttribute("levelForm", new ReviewForms.ServiceLevel(null, null, null));
		}
		if (!model.containsAttribute("actualForm")) {
			model.addAttribute("actualForm", new ReviewForms.Actual(null, null, null));
		}
		Map<String, String> services = new LinkedHashMap<>();
		services.put("", "Choose a service the CCG buys");
		support.arrangements(ccg)
			.stream()
			.filter(arrangement -> arrangement.mode() == ArrangementMode.BUY)
			.forEach(arrangement -> services.put(arrangement.service().code(),
					arrangement.service().name() + " (from " + arrangement.provider().name() + ")"));
		model.addAttribute("serviceOptions", services);
		Map<String, String> levelOptions = new LinkedHashMap<>();
		levelOptions.put("", "Choose a service level");
		levels.forEach(level -> levelOptions.put(String.valueOf(level.id()), level.service().name() + ": " + level.name()));
		model.addAttribute("levelOptions", levelOptions);
		Map<String, String> quarters = new LinkedHashMap<>();
		quarters.put("", "Choose a quarter");
		reviews.recentQuarters().forEach(quarter -> quarters.put(quarter.toString(), quarterLabel(quarter)));
		model.addAttribute("quarterOptions", quarters);
		return "commissioning-support/service-levels";
	}

	/** A quarter in words: "2015/16 quarter 2 (July to September 2015)". */
	static String quarterLabel(LocalDate start) {
		FinancialYear year = FinancialYear.containing(start);
		int number = (int) (java.time.temporal.ChronoUnit.MONTHS.between(year.firstDay(), start) / 3) + 1;
		return year + " quarter " + number + " (" + start.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
				Locale.UK) + " to " + MONTH.format(start.plusMonths(2)) + ")";
	}

	@GetMapping("/commissioning-support/reviews")
	String comparison(@RequestParam(required = false) FinancialYear year,
			@RequestParam(required = false) String service, Model model) {
		FinancialYear shown = year == null ? reviews.latestReviewedYear() : year;
		List<ProviderComparison> rows = reviews.comparison(shown);
		List<SupportService> services = support.services();
		SupportService charted = services.stream()
			.filter(s -> s.code().equals(service))
			.findFirst()
			.orElse(services.get(0));
		model.addAttribute("rows", rows);
		model.addAttribute("year", shown);
		model.addAttribute("yearParam", param(shown));
		model.addAttribute("years", reviews.years());
		model.addAttribute("themes", ReviewQuestion.Theme.values());
		model.addAttribute("minimum", ReviewStatistics.MINIMUM_CCGS);
		Map<SupportService, List<ProviderComparison>> byService = new LinkedHashMap<>();
		services.forEach(s -> {
			List<ProviderComparison> of = rows.stream().filter(row -> row.service().equals(s)).toList();
			if (!of.isEmpty()) {
				byService.put(s, of);
			}
		});
		model.addAttribute("byService", byService);
		model.addAttribute("charted", charted);
		model.addAttribute("serviceOptions", services);
		List<ProviderComparison> shownInChart = rows.stream()
			.filter(row -> row.service().equals(charted) && !row.withheld())
			.toList();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", shownInChart.stream().map(row -> row.provider().name()).toList());
		chart.put("unit", "Mean score (1 to 5)");
		chart.put("means", shownInChart.stream().map(row -> row.meanScore().value()).toList());
		chart.put("intervals", shownInChart.stream()
			.map(row -> List.of(row.meanScore().lower(), row.meanScore().upper()))
			.toList());
		model.addAttribute("chart", json.writeValueAsString(chart));
		model.addAttribute("chartEmpty", shownInChart.isEmpty());
		return "commissioning-support/review-comparison";
	}

	@GetMapping("/commissioning-support/reviews.csv")
	ResponseEntity<String> comparisonCsv(@RequestParam(required = false) FinancialYear year) {
		FinancialYear shown = year == null ? reviews.currentYear() : year;
		List<List<Object>> rows = new ArrayList<>();
		for (ProviderComparison row : reviews.comparison(shown)) {
			List<Object> cells = new ArrayList<>(Arrays.asList(row.year(), row.service().name(), row.provider().name(),
					row.respondingCcgs()));
			if (row.withheld()) {
				cells.addAll(Arrays.asList(null, null, null, null, null, null));
				ReviewQuestion.Theme[] themes = ReviewQuestion.Theme.values();
				for (int i = 0; i < themes.length; i++) {
					cells.add(null);
				}
			}
			else {
				cells.addAll(Arrays.asList(row.meanScore().value(), row.meanScore().lower(), row.meanScore().upper(),
						row.satisfied().value(), row.satisfied().lower(), row.satisfied().upper()));
				cells.addAll(row.themeMeans());
			}
			cells.addAll(Arrays.asList(row.levelsMet(), row.levelsReported(), row.attainmentPercent()));
			rows.add(cells);
		}
		List<String> headings = new ArrayList<>(List.of("Year", "Service", "Provider", "Responding CCGs",
				"Mean score (1 to 5)", "Mean: lower 95% limit", "Mean: upper 95% limit", "Satisfied (%)",
				"Satisfied: lower 95% limit (%)", "Satisfied: upper 95% limit (%)"));
		for (ReviewQuestion.Theme theme : ReviewQuestion.Theme.values()) {
			headings.add(theme.label() + ": mean score");
		}
		headings.addAll(List.of("Service level quarters met", "Service level quarters reported",
				"Service levels met (%)"));
		return Exports.csvDownload(new Table("Commissioning support reviews " + shown, headings, rows),
				"commissioning-support-reviews-" + param(shown) + ".csv");
	}

	/** The year as it goes in a link: 2015-16. */
	static String param(FinancialYear year) {
		return year.toString().replace('/', '-');
	}

	private void checkRecord(String ccg) {
		if (!support.canRecord(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England record its service levels");
		}
	}

	private String name(String ccg) {
		return directory.find(ccg).map(OrganisationDetails::name).orElse(ccg);
	}
}

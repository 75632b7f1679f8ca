package org.cocommission.authorisation.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.authorisation.Authorisation;
import org.cocommission.authorisation.CcgOutcome;
import org.cocommission.authorisation.ConditionsInForce;
import org.cocommission.authorisation.OutcomeRow;
import org.cocommission.authorisation.ReviewForm;
import org.cocommission.authorisation.SupportLevel;
import org.cocommission.authorisation.Wave;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.Exports;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.Table;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The published authorisation pages, a CCG's own outcome and conditions, and the review of a condition. */
@Controller
class AuthorisationPageController {

	private final Authorisation authorisation;

	private final Directory directory;

	private final AccessPolicy access;

	private final JsonMapper json;

	private final Clock clock;

	private final org.thymeleaf.TemplateEngine templates;

	AuthorisationPageController(Authorisation authorisation, Directory directory, AccessPolicy access, JsonMapper json,
			Clock clock, org.thymeleaf.TemplateEngine templates) {
		this.templates = templates;
		this.authorisation = authorisation;
		this.directory = directory;
		this.access = access;
		this.json = json;
		this.clock = clock;
	}

	/** Conditions in force, and those with directions, month by month. */
	static Chart chart(ConditionsInForce inForce) {
		return new Chart(inForce.points().stream().map(point -> point.on().toString()).toList(), List.of(
				new Chart.Series("Conditions in force",
						inForce.points().stream().map(ConditionsInForce.Point::conditions).toList()),
				new Chart.Series("Conditions with directions",
						inForce.points().stream().map(ConditionsInForce.Point::withDirections).toList())));
	}

	/** The chart as authorisation-charts.js reads it: the months (ISO dates) and two series of counts. */
	record Chart(List<String> months, List<Series> series) {

		record Series(String name, List<Integer> values) {
		}
	}

	@GetMapping("/authorisation")
	String home(Model model) {
		ConditionsInForce inForce = authorisation.conditionsInForce(LocalDate.now(clock));
		model.addAttribute("summary", authorisation.summary());
		model.addAttribute("inForce", inForce);
		model.addAttribute("chart", json.writeValueAsString(chart(inForce)));
		access.currentUser()
			.map(user -> user.organisationCode())
			.filter(code -> access.canSee(code) && authorisation.outcomeOf(code).isPresent())
			.ifPresent(code -> model.addAttribute("ownCcg", code));
		model.addAttribute("national", access.currentUser().map(user -> user.isNational()).orElse(false));
		// A CCG's own application and stakeholder list, from its own account.
		access.currentUser()
			.filter(user -> user.role() == org.cocommission.identity.Role.CCG)
			.map(user -> user.organisationCode())
			.ifPresent(code -> model.addAttribute("ccgOwn", code));
		// Reviews overdue in the CCGs a reviewer looks after (all of them for NHS England), by CCG.
		if (access.currentUser().filter(user -> user.isNational() || user.role() == org.cocommission.identity.Role.AREA_TEAM)
			.isPresent()) {
			Map<String, Long> overdue = new java.util.TreeMap<>();
			authorisation.overdueReviews(LocalDate.now(clock))
				.stream()
				.filter(review -> access.canSee(review.ccgCode()))
				.forEach(review -> overdue.merge(review.ccgCode(), 1L, Long::sum));
			model.addAttribute("overdue", overdue);
			model.addAttribute("overdueNames", names(List.copyOf(overdue.keySet())));
		}
		return "authorisation/home";
	}

	@GetMapping("/authorisation/conditions-in-force.csv")
	ResponseEntity<String> inForceCsv() {
		List<List<Object>> rows = new ArrayList<>();
		for (ConditionsInForce.Point point : authorisation.conditionsInForce(LocalDate.now(clock)).points()) {
			rows.add(List.of(point.on().toString(), point.conditions(), point.withDirections(), point.ccgs()));
		}
		return Exports.csvDownload(new Table("Conditions in force",
				List.of("Month end", "Conditions in force", "Of them with directions", "CCGs with conditions"), rows),
				"authorisation-conditions-in-force.csv");
	}

	@GetMapping("/authorisation/framework")
	String framework(Model model) {
		model.addAttribute("framework", authorisation.framework(Authorisation.FRAMEWORK_2012_13));
		model.addAttribute("supportLevels", SupportLevel.values());
		return "authorisation/framework";
	}

	@GetMapping("/authorisation/waves/{number}")
	String wave(@PathVariable int number, Model model) {
		Wave wave = authorisation.summary()
			.waves()
			.stream()
			.filter(candidate -> candidate.number() == number)
			.findFirst()
			.orElseThrow(() -> new java.util.NoSuchElementException("No wave " + number));
		List<OutcomeRow> outcomes = authorisation.outcomes(number);
		model.addAttribute("wave", wave);
		model.addAttribute("outcomes", outcomes);
		model.addAttribute("names", names(outcomes.stream().map(OutcomeRow::ccgCode).toList()));
		return "authorisation/wave";
	}

	@GetMapping("/authorisation/ccgs/{code}")
	String ccg(@PathVariable String code, Model model) {
		OrganisationRef known = directory.refs(List.of(code)).get(code);
		String name = known != null ? known.name() : code;
		try {
			model.addAttribute("ccg", authorisation.ccgOutcome(code));
		}
		catch (java.util.NoSuchElementException ex) {
			if (known == null) {
				throw ex;
			}
			// A CCG the directory knows but no panel has decided on yet, such as one created by a merger: its page
			// says so and leads to its stakeholders and surveys, rather than answering "not found".
			model.addAttribute("code", code);
			model.addAttribute("name", name);
			return "authorisation/ccg-undecided";
		}
		model.addAttribute("name", name);
		model.addAttribute("canReview", authorisation.canReview(code));
		model.addAttribute("today", LocalDate.now(clock));
		return "authorisation/ccg";
	}

	/** The panel's decision letter as a PDF: for the CCG, its area team and NHS England. */
	@GetMapping("/authorisation/ccgs/{code}/letter.pdf")
	ResponseEntity<byte[]> letter(@PathVariable String code) {
		CcgOutcome ccg = authorisation.ccgOutcome(code);
		org.thymeleaf.context.Context context = new org.thymeleaf.context.Context();
		context.setVariable("ccg", ccg);
		context.setVariable("name", names(List.of(code)).get(code));
		context.setVariable("framework", authorisation.framework(Authorisation.FRAMEWORK_2012_13));
		context.setVariable("withDirections", ccg.conditions().stream().anyMatch(CcgOutcome.Condition::directions));
		return Exports.pdfDownload(templates.process("authorisation/letter-print", context),
				"authorisation-decision-" + code + ".pdf");
	}

	@GetMapping("/authorisation/conditions/{id}/review")
	String reviewForm(@PathVariable long id, Model model) {
		authorisation.checkCanReview(id);
		model.addAttribute("form", new ReviewForm(LocalDate.now(clock), null, null));
		return reviewPage(id, model);
	}

	@PostMapping("/authorisation/conditions/{id}/review")
	String review(@PathVariable long id, @Valid @ModelAttribute("form") ReviewForm form, BindingResult result,
			Model model) {
		authorisation.checkCanReview(id);
		if (!result.hasErrors()) {
			try {
				authorisation.review(id, form);
				return "redirect:/authorisation/ccgs/" + authorisation.ccgOfCondition(id);
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return reviewPage(id, model);
	}

	private String reviewPage(long id, Model model) {
		String code = authorisation.ccgOfCondition(id);
		CcgOutcome ccg = authorisation.ccgOutcome(code);
		model.addAttribute("ccg", ccg);
		model.addAttribute("name", names(List.of(code)).get(code));
		model.addAttribute("condition",
				ccg.conditions().stream().filter(condition -> condition.id() == id).findFirst().orElseThrow());
		Map<String, String> options = new LinkedHashMap<>();
		options.put("false", "Not yet met: the condition stays in force");
		options.put("true", "Met: discharge the condition on the review date");
		model.addAttribute("metOptions", options);
		return "authorisation/review";
	}

	/** CCG names by code, the code itself where the directory does not know it. */
	private Map<String, String> names(List<String> codes) {
		Map<String, OrganisationRef> refs = directory.refs(codes);
		Map<String, String> names = new LinkedHashMap<>();
		codes.forEach(code -> names.put(code, refs.containsKey(code) ? refs.get(code).name() : code));
		return names;
	}
}

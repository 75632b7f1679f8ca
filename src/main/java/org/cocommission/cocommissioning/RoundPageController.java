package org.cocommission.cocommissioning;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The module's home (with a delegated CCG's notice to end delegation), the rounds, setting one up and its quorum,
 * re-opening a window and starting an application.
 */
@Controller
class RoundPageController {

	private final Rounds rounds;

	private final Applications applications;

	private final AccessPolicy policy;

	private final CommissioningLevels levels;

	private final DelegationNotices delegationNotices;

	private final java.time.Clock clock;

	RoundPageController(Rounds rounds, Applications applications, AccessPolicy policy, CommissioningLevels levels,
			DelegationNotices delegationNotices, java.time.Clock clock) {
		this.levels = levels;
		this.delegationNotices = delegationNotices;
		this.clock = clock;
		this.rounds = rounds;
		this.applications = applications;
		this.policy = policy;
	}

	@GetMapping("/co-commissioning")
	String home(Model model) {
		CurrentUser user = policy.requireUser();
		model.addAttribute("user", user);
		model.addAttribute("national", user.isNational());
		model.addAttribute("rounds", rounds.rounds());
		model.addAttribute("applications", applications.visible());
		if (user.role() == Role.CCG) {
			LocalDate today = LocalDate.now(clock.withZone(Round.LONDON));
			model.addAttribute("ownLevel", levels.levelOn(user.organisationCode(), today));
			model.addAttribute("notice", delegationNotices.pending(user.organisationCode()).orElse(null));
			model.addAttribute("noticeEffectiveOn", NoticePeriod.effectiveOn(today));
		}
		return "cocommissioning/home";
	}

	@GetMapping("/co-commissioning/rounds/new")
	String newRound(Model model) {
		policy.checkNational();
		model.addAttribute("levels", CommissioningLevel.values());
		return "cocommissioning/round-new";
	}

	@PostMapping("/co-commissioning/rounds")
	String create(@RequestParam(required = false) String name,
			@RequestParam(required = false) List<CommissioningLevel> levels,
			@RequestParam(required = false) String eoiDeadline, @RequestParam(required = false) String applicationDeadline,
			@RequestParam(required = false) String goLiveOn, @RequestParam(defaultValue = "0") int scoreMin,
			@RequestParam(defaultValue = "4") int scoreMax, @RequestParam(required = false) String criteria,
			@RequestParam Map<String, String> form, Model model) {
		Map<CommissioningLevel, String> levelDeadlineText = new EnumMap<>(CommissioningLevel.class);
		for (CommissioningLevel level : CommissioningLevel.values()) {
			String text = form.get("deadline-" + level.name());
			if (text != null && !text.isBlank()) {
				levelDeadlineText.put(level, text.trim());
			}
		}
		try {
			Set<CommissioningLevel> offered = levels == null ? Set.of() : EnumSet.copyOf(levels);
			Map<CommissioningLevel, LocalDateTime> levelDeadlines = new EnumMap<>(CommissioningLevel.class);
			levelDeadlineText.forEach((level, text) -> levelDeadlines.put(level,
					PageSupport.dateTime(text, "full application deadline for " + level.label().toLowerCase())));
			Round round = rounds.create(new NewRound(name, offered,
					PageSupport.dateTime(eoiDeadline, "expression of interest deadline"),
					PageSupport.dateTime(applicationDeadline, "full application deadline"),
					PageSupport.date(goLiveOn, "go-live date"), scoreMin, scoreMax,
					criteria == null ? List.of() : Arrays.asList(criteria.split("\\R")), levelDeadlines));
			return "redirect:/co-commissioning/rounds/" + round.id();
		}
		catch (IllegalArgumentException ex) {
			List<String> problems = Arrays.asList(ex.getMessage().split("; "));
			model.addAttribute("problems", problems);
			model.addAttribute("fieldErrors", fieldErrors(problems));
			Map<String, String> anchors = Map.of("name", "name", "levels", "levels", "eoiDeadline", "eoi",
					"applicationDeadline", "deadline", "goLiveOn", "go-live", "scoreMax", "score-max", "criteria", "criteria",
					"levelDeadlines", "level-deadlines");
			model.addAttribute("summary", problems.stream()
				.map(problem -> new ProblemLink(problem,
						anchors.getOrDefault(fieldErrors(List.of(problem)).keySet().iterator().next(), "round-form")))
				.toList());
			model.addAttribute("levels", CommissioningLevel.values());
			model.addAttribute("form", new RoundForm(name, levels == null ? List.of() : levels, eoiDeadline,
					applicationDeadline, goLiveOn, scoreMin, scoreMax, criteria, levelDeadlineText));
			return "cocommissioning/round-new";
		}
	}

	/** Each problem against the field it is about (by the words NewRound uses), for the error beside the field. */
	static Map<String, String> fieldErrors(List<String> problems) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String problem : problems) {
			String text = problem.toLowerCase();
			String field = text.contains("application deadline for ") ? "levelDeadlines"
					: text.contains("name") ? "name" : text.contains("level") ? "levels"
					: text.contains("go-live") ? "goLiveOn" : text.contains("full application") ? "applicationDeadline"
					: text.contains("expression") ? "eoiDeadline" : text.contains("score") ? "scoreMax"
					: text.contains("criteri") ? "criteria" : "form";
			fields.putIfAbsent(field, problem);
		}
		return fields;
	}

	/** A problem in the error summary, linking to its field. */
	record ProblemLink(String text, String anchor) {
	}

	/** What the user typed, shown again when the round is refused. */
	record RoundForm(String name, List<CommissioningLevel> levels, String eoiDeadline, String applicationDeadline,
			String goLiveOn, int scoreMin, int scoreMax, String criteria, Map<CommissioningLevel, String> levelDeadlines) {
	}

	@GetMapping("/co-commissioning/rounds/{id}")
	String round(@PathVariable long id, Model model) {
		CurrentUser user = policy.requireUser();
		Round round = rounds.round(id);
		model.addAttribute("round", round);
		model.addAttribute("national", user.isNational());
		model.addAttribute("ccgUser", user.role() == Role.CCG);
		model.addAttribute("user", user);
		if (user.role() == Role.CCG) {
			model.addAttribute("window", rounds.windowFor(id, user.organisationCode()));
			model.addAttribute("own", applications.visible().stream().filter(a -> a.roundId() == id).toList());
		}
		model.addAttribute("functions", rounds.functions());
		return "cocommissioning/round";
	}

	@PostMapping("/co-commissioning/rounds/{id}/windows")
	String reopen(@PathVariable long id, @RequestParam(required = false) String ccg,
			@RequestParam(required = false) String until, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return PageSupport.attempt(redirect, "/co-commissioning/rounds/" + id, () -> {
			var local = PageSupport.dateTime(until, "new closing time");
			rounds.reopenWindow(id, ccg, local == null ? null : local.atZone(Round.LONDON).toInstant(), reason);
		});
	}

	@PostMapping("/co-commissioning/delegation-notice")
	String giveNotice(@RequestParam(required = false) CommissioningLevel revertsTo,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		CurrentUser user = policy.requireUser();
		return PageSupport.attempt(redirect, "/co-commissioning",
				() -> delegationNotices.give(user.organisationCode(), revertsTo, reason));
	}

	@PostMapping("/co-commissioning/rounds/{id}/quorum")
	String setQuorum(@PathVariable long id, @RequestParam(required = false) String minVoting,
			@RequestParam(required = false) String minLay, @RequestParam(required = false) String minGp,
			@RequestParam(required = false) String minExecutive, @RequestParam(defaultValue = "-1") int version,
			RedirectAttributes redirect) {
		try {
			return PageSupport.attempt(redirect, "/co-commissioning/rounds/" + id,
					() -> rounds.setQuorum(id, count(minVoting, "voting members present"), count(minLay, "lay members"),
							count(minGp, "GP members"), count(minExecutive, "executive members"), version));
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/co-commissioning/rounds/" + id;
		}
	}

	private static int count(String text, String what) {
		try {
			return Integer.parseInt(text == null ? "" : text.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Enter the number of " + what + " as a whole number, like 1");
		}
	}

	@PostMapping("/co-commissioning/rounds/{id}/applications")
	String start(@PathVariable long id, @RequestParam(required = false) CommissioningLevel level,
			RedirectAttributes redirect) {
		CurrentUser user = policy.requireUser();
		try {
			ApplicationView started = applications.start(id, user.organisationCode(), level);
			return "redirect:/co-commissioning/applications/" + started.id();
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			return "redirect:/co-commissioning/rounds/" + id;
		}
	}
}

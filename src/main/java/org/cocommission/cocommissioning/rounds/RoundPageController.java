package org.cocommission.cocommissioning.rounds;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cocommission.cocommissioning.ApplicationView;
import org.cocommission.cocommissioning.ApplicationWindow;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.CommissioningLevels;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.levels.DelegationNotices;
import org.cocommission.cocommissioning.levels.NoticePeriod;
import org.cocommission.cocommissioning.web.PageSupport;
import org.cocommission.governance.QuorumRule;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.InvalidInputException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
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
 * The module's home (with a delegated CCG's notice to end delegation), the rounds, setting one up and its quorum,
 * re-opening a window and starting an application.
 */
@Controller
public class RoundPageController {

	private final Rounds rounds;

	private final Applications applications;

	private final AccessPolicy policy;

	private final CommissioningLevels levels;

	private final DelegationNotices delegationNotices;

	private final Clock clock;

	private final PageSupport changes;

	RoundPageController(Rounds rounds, Applications applications, AccessPolicy policy, CommissioningLevels levels,
			DelegationNotices delegationNotices, Clock clock, PageSupport changes) {
		this.changes = changes;
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
		RoundForm form = RoundForm.blank();
		model.addAttribute("form", form);
		return roundForm(form, model);
	}

	@PostMapping("/co-commissioning/rounds")
	String create(@Valid @ModelAttribute("form") RoundForm form, BindingResult result, Model model) {
		policy.checkNational();
		if (result.hasErrors()) {
			return roundForm(form, model);
		}
		try {
			Round round = rounds.create(form.toNewRound());
			return "redirect:/co-commissioning/rounds/" + round.id();
		}
		catch (InvalidInputException ex) {
			ex.rejectIn(result);
			return roundForm(form, model);
		}
	}

	private String roundForm(RoundForm form, Model model) {
		model.addAttribute("levels", CommissioningLevel.values());
		model.addAttribute("levelDeadlines", form.levelDeadlineValues());
		return "cocommissioning/round-new";
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
			String ccg = user.organisationCode();
			java.time.Instant now = clock.instant();
			var interest = applications.interestOf(id, ccg).orElse(null);
			ApplicationWindow interestWindow = rounds.interestWindowFor(id, ccg);
			ApplicationWindow window = rounds.windowFor(id, ccg, interest == null ? null : interest.level());
			model.addAttribute("window", window);
			model.addAttribute("interestWindow", interestWindow);
			model.addAttribute("interest", interest);
			// The CCG's own application in this round, also one recorded from a past round (never offer a second).
			model.addAttribute("own", applications.applicationIn(id, ccg).map(List::of).orElse(List.of()));
			model.addAttribute("interestOpen", interest == null && interestWindow.isOpenAt(now));
			model.addAttribute("applicationOpen", interest != null && window.isOpenAt(now));
		}
		if (!model.containsAttribute("reopening")) {
			model.addAttribute("reopening", new ReopenForm(null, null, null, "application"));
		}
		if (user.isNational()) {
			java.util.Map<String, String> stages = new java.util.LinkedHashMap<>();
			stages.put("application", "Full applications");
			stages.put("interest", "Expressions of interest");
			model.addAttribute("stageOptions", stages);
		}
		if (!model.containsAttribute("quorumForm")) {
			model.addAttribute("quorumForm", QuorumForm.of(round.quorum(), round.version()));
		}
		model.addAttribute("functions", rounds.functions());
		return "cocommissioning/round";
	}

	/** The CCG whose window re-opens, until when (local time in England) and why. */
	record ReopenForm(@Size(max = 10, message = "Enter a CCG code of 10 characters or fewer") String ccg,
			@DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime until,
			@Size(max = 2000, message = "The reason must be 2000 characters or fewer") String reason,
			@jakarta.validation.constraints.Pattern(regexp = "interest|application", message = "Choose what to re-open") String stage) {
	}

	@PostMapping("/co-commissioning/rounds/{id}/windows")
	String reopen(@PathVariable long id, @Valid @ModelAttribute("reopening") ReopenForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				java.time.Instant until = form.until() == null ? null : form.until().atZone(Round.LONDON).toInstant();
				if ("interest".equals(form.stage())) {
					rounds.reopenInterestWindow(id, form.ccg(), until, form.reason());
				}
				else {
					rounds.reopenWindow(id, form.ccg(), until, form.reason());
				}
				redirect.addFlashAttribute("saved", "interest".equals(form.stage())
						? "Expressions of interest are re-opened for " + form.ccg() + "."
						: "Applications are re-opened for " + form.ccg() + ".");
				return "redirect:/co-commissioning/rounds/" + id;
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
			}
		}
		return round(id, model);
	}

	/** The quorum a proposed committee must meet, as whole numbers, with the round's version. */
	record QuorumForm(@NotNull(message = "Enter the number of voting members present") Integer minVoting,
			@NotNull(message = "Enter the number of lay members") Integer minLay,
			@NotNull(message = "Enter the number of GP members") Integer minGp,
			@NotNull(message = "Enter the number of executive members") Integer minExecutive,
			Integer version) {

		static QuorumForm of(QuorumRule quorum, int version) {
			return new QuorumForm(quorum.minVotingPresent(), quorum.minLay(), quorum.minGp(), quorum.minExecutive(),
					version);
		}
	}

	@PostMapping("/co-commissioning/rounds/{id}/quorum")
	String setQuorum(@PathVariable long id, @Valid @ModelAttribute("quorumForm") QuorumForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		policy.checkNational();
		if (!result.hasErrors()) {
			try {
				rounds.setQuorum(id, form.minVoting(), form.minLay(), form.minGp(), form.minExecutive(),
						form.version() == null ? -1 : form.version());
				redirect.addFlashAttribute("saved", "The quorum proposed committees must meet is saved.");
			}
			catch (OptimisticLockingFailureException ex) {
				redirect.addFlashAttribute("problem", ex.getMessage());
			}
			catch (InvalidInputException ex) {
				ex.rejectIn(result);
				return round(id, model);
			}
			catch (IllegalArgumentException ex) {
				redirect.addFlashAttribute("problem", ex.getMessage());
			}
			return "redirect:/co-commissioning/rounds/" + id;
		}
		return round(id, model);
	}

	/** A delegated CCG's notice to end delegation: the level it reverts to, and why. */
	record NoticeForm(CommissioningLevel revertsTo, String reason) implements Serializable {
	}

	@PostMapping("/co-commissioning/delegation-notice")
	String giveNotice(@Valid @ModelAttribute("noticeForm") NoticeForm form, BindingResult result,
			RedirectAttributes redirect) {
		CurrentUser user = policy.requireUser();
		return changes.attempt(redirect, "/co-commissioning", result,
				"Your notice to end delegation is recorded: the area team is told.",
				() -> delegationNotices.give(user.organisationCode(), form.revertsTo(), form.reason()));
	}

	@PostMapping("/co-commissioning/rounds/{id}/interest")
	String expressInterest(@PathVariable long id, @RequestParam(required = false) CommissioningLevel level,
			RedirectAttributes redirect) {
		CurrentUser user = policy.requireUser();
		return changes.attempt(redirect, "/co-commissioning/rounds/" + id + "#own-application",
				"Your expression of interest is recorded.",
				() -> applications.expressInterest(id, user.organisationCode(), level));
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

package org.cocommission.notification;

import java.time.Clock;

import org.cocommission.identity.AccessPolicy;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in person's notices. */
@Controller
class NoticesController {

	private static final int PAGE_SIZE = 25;

	private final Notifications notifications;

	private final AccessPolicy policy;

	private final Clock clock;

	NoticesController(Notifications notifications, AccessPolicy policy, Clock clock) {
		this.notifications = notifications;
		this.policy = policy;
		this.clock = clock;
	}

	@GetMapping("/notices")
	String notices(@RequestParam(defaultValue = "0") int page, Model model) {
		String username = policy.requireUser().username();
		model.addAttribute("notices", notifications.notices(username, page, PAGE_SIZE));
		model.addAttribute("unread", notifications.unreadCount(username));
		model.addAttribute("zone", clock.getZone());
		return "notification/notices";
	}

	@PostMapping("/notices/{id}/read")
	String markRead(@PathVariable long id, @RequestParam(defaultValue = "0") int page, RedirectAttributes redirect) {
		notifications.markRead(policy.requireUser().username(), id);
		redirect.addAttribute("page", page);
		return "redirect:/notices";
	}

	@PostMapping("/notices/read-all")
	String markAllRead(RedirectAttributes redirect) {
		int marked = notifications.markAllRead(policy.requireUser().username());
		redirect.addFlashAttribute("message", switch (marked) {
			case 0 -> "You had no unread notices.";
			case 1 -> "Marked 1 notice as read.";
			default -> "Marked " + marked + " notices as read.";
		});
		return "redirect:/notices";
	}
}

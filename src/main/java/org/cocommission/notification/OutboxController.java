package org.cocommission.notification;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.cocommission.platform.PageOf;

/** The e-mail outbox for NHS England users: what was sent, what waits, what failed and why. */
@Controller
class OutboxController {

	private static final int PAGE_SIZE = 25;

	private final Notifications notifications;

	private final OutboxSender sender;

	private final Clock clock;

	OutboxController(Notifications notifications, OutboxSender sender, Clock clock) {
		this.notifications = notifications;
		this.sender = sender;
		this.clock = clock;
	}

	@GetMapping("/outbox")
	String outbox(OutboxFilter filter, @RequestParam(defaultValue = "0") int page, Model model) {
		OutboxStatus wanted = filter.status();
		boolean mailServer = sender.mailServerConfigured();
		PageOf<OutboxEmail> outbox = notifications.outbox(wanted, page, PAGE_SIZE);
		model.addAttribute("outbox", outbox);
		model.addAttribute("rows", outbox.items().stream().map(email -> OutboxRow.of(email, mailServer)).toList());
		model.addAttribute("status", wanted);
		model.addAttribute("statuses", OutboxStatus.values());
		model.addAttribute("mailServerConfigured", mailServer);
		model.addAttribute("zone", clock.getZone());
		return "notification/outbox";
	}

	/** An e-mail as the page shows it: its status in words, with the tag colour that goes with it. */
	record OutboxRow(OutboxEmail email, String label, String tag) {

		static OutboxRow of(OutboxEmail email, boolean mailServerConfigured) {
			return switch (email.status()) {
				case SENT -> new OutboxRow(email, "Sent", "nhsuk-tag--green");
				case FAILED -> new OutboxRow(email, "Failed", "nhsuk-tag--red");
				case PENDING -> !mailServerConfigured ? new OutboxRow(email, "Would have been sent", "nhsuk-tag--grey")
						: email.attempts() > 0 ? new OutboxRow(email, "Retrying", "nhsuk-tag--orange")
								: new OutboxRow(email, "Queued", "nhsuk-tag--blue");
			};
		}
	}
}

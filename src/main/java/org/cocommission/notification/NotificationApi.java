package org.cocommission.notification;

import org.springdoc.core.annotations.ParameterObject;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.PageOf;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notices of the signed-in user, and the outbox for NHS England users. */
@RestController
@RequestMapping("/api/v1")
class NotificationApi {

	private final Notifications notifications;

	private final AccessPolicy policy;

	NotificationApi(Notifications notifications, AccessPolicy policy) {
		this.notifications = notifications;
		this.policy = policy;
	}

	@GetMapping("/notices")
	PageOf<Notice> notices(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return notifications.notices(policy.requireUser().username(), page, size);
	}

	@PostMapping("/notices/{id}/read")
	ResponseEntity<Void> markRead(@PathVariable long id) {
		notifications.markRead(policy.requireUser().username(), id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/notices/read-all")
	MarkedRead markAllRead() {
		return new MarkedRead(notifications.markAllRead(policy.requireUser().username()));
	}

	@GetMapping("/outbox")
	PageOf<OutboxEmail> outbox(@ParameterObject OutboxFilter filter, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "25") int size) {
		return notifications.outbox(filter.status(), page, size);
	}

	record MarkedRead(int marked) {
	}
}

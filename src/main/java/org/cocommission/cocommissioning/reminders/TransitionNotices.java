package org.cocommission.cocommissioning.reminders;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cocommission.cocommissioning.ApplicationStatus;
import org.cocommission.cocommissioning.ApplicationTransitioned;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about each move of an application ({@link ApplicationTransitioned}): the CCG's users
 * and its area team's, and NHS England's when the board has a recommendation to decide. A notice in the application
 * and an e-mail, whose deduplication key (the history line) makes a re-run after a crash queue nothing twice.
 */
@Component
public class TransitionNotices {

	private static final int MAX_RECIPIENTS = 100;

	private final Notifications notifications;

	private final UserAccounts accounts;

	private final Directory directory;

	TransitionNotices(Notifications notifications, UserAccounts accounts, Directory directory) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.directory = directory;
	}

	/** In the transaction of the move: the notices and the outbox e-mails commit with it, or not at all. */
	@EventListener
	void on(ApplicationTransitioned moved) {
		String status = moved.to().label().toLowerCase();
		String comment = moved.comment();
		String ccg = directory.find(moved.ccgCode()).map(o -> o.name() + " (" + moved.ccgCode() + ")").orElse(moved.ccgCode());
		String title = "Co-commissioning application of " + ccg + ": " + status;
		String body = "The " + moved.level().label().toLowerCase() + " application of " + ccg + " " + happened(moved.to())
				+ "." + (comment == null || comment.isBlank() ? "" : "\n\n" + comment);
		send(recipients(moved.ccgCode(), moved.to() == ApplicationStatus.RECOMMENDED), title, body,
				"/co-commissioning/applications/" + moved.applicationId(), "cocommissioning-transition-" + moved.historyId());
	}

	/** What happened to the application, as the end of a sentence. */
	private static String happened(ApplicationStatus to) {
		return switch (to) {
			case DRAFT -> "was started";
			case SUBMITTED -> "has been submitted";
			case UNDER_REVIEW -> "is under review by the area team";
			case INFORMATION_REQUESTED -> "has been sent back to the CCG: the area team asks for more information";
			case RECOMMENDED -> "has been recommended to the NHS England board";
			case DECIDED -> "has been decided by the NHS England board";
			case LIVE -> "has gone live";
			case WITHDRAWN -> "has been withdrawn";
		};
	}

	/** Sends a notice and an e-mail to each user; the e-mail's key is {@code keyPrefix} and the username. */
	public void send(Set<UserView> users, String title, String body, String link, String keyPrefix) {
		for (UserView user : users) {
			notifications.notice(user.username(), title, body, link);
			if (user.email() != null && !user.email().isBlank()) {
				notifications.email(user.email(), title, body + "\n\nOpen CoCommission: " + notifications.absolute(link),
						keyPrefix + "-" + user.username());
			}
		}
	}

	/** The CCG's users, its area team's and, when asked, NHS England's. */
	public Set<UserView> recipients(String ccg, boolean national) {
		Set<UserView> users = new LinkedHashSet<>(usersOf(ccg));
		List<OrganisationRef> chain = directory.parentChain(ccg, directory.today());
		chain.stream().filter(o -> o.type() == OrganisationType.AREA_TEAM).findFirst().ifPresent(o -> users.addAll(usersOf(o.code())));
		if (national) {
			chain.stream().filter(o -> o.type() == OrganisationType.NHS_ENGLAND).findFirst()
				.ifPresent(o -> users.addAll(usersOf(o.code())));
		}
		return users;
	}

	List<UserView> usersOf(String organisation) {
		return accounts.list(organisation, null, 0, MAX_RECIPIENTS).items().stream().filter(UserView::enabled).toList();
	}
}

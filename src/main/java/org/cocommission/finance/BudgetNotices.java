package org.cocommission.finance;

import java.util.List;

import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;

import org.springframework.stereotype.Component;

/** Tells each CCG's users that its indicative budget is published: an in-app notice and one e-mail per run. */
@Component
class BudgetNotices {

	private static final int MAX_RECIPIENTS = 100;

	private final Notifications notifications;

	private final UserAccounts accounts;

	BudgetNotices(Notifications notifications, UserAccounts accounts) {
		this.notifications = notifications;
		this.accounts = accounts;
	}

	/** Returns how many people were told. */
	int published(RunView run, List<CcgResult> results) {
		String title = run.programme().label() + " " + run.year() + " indicative budget published";
		int told = 0;
		for (CcgResult result : results) {
			String link = "/finance/budgets/" + result.ccgCode() + "?year=" + run.year().toString().replace('/', '-');
			String body = "NHS England has published the " + run.year() + " " + run.programme().label().toLowerCase()
					+ " indicative budget of " + result.ccgName() + ": " + result.allocation().formatted() + ", "
					+ result.distancePercent() + "% from its target of " + result.target().formatted() + ".";
			for (UserView user : accounts.list(result.ccgCode(), null, 0, MAX_RECIPIENTS).items()) {
				if (!user.enabled()) {
					continue;
				}
				notifications.notice(user.username(), title, body, link);
				if (user.email() != null && !user.email().isBlank()) {
					notifications.email(user.email(), title, body + "\n\nOpen CoCommission: " + notifications.absolute(link),
							"finance-budget-" + run.id() + "-" + user.username());
				}
				told++;
			}
		}
		return told;
	}
}

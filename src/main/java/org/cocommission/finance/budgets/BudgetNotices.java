package org.cocommission.finance.budgets;

import java.util.List;
import java.util.Map;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.finance.IndicativeBudgetsPublished;
import org.cocommission.finance.Programme;
import org.cocommission.finance.RunView;
import org.cocommission.finance.allocations.AllocationRunStore;
import org.cocommission.finance.allocations.CcgResult;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells each CCG's users that its indicative budget is published: an in-app notice and one e-mail per run. A
 * synchronous listener, so the notices and e-mails commit with the publication or not at all; it writes the
 * publication's audit entry too, since that entry counts the people told.
 */
@Component
class BudgetNotices {

	private static final int MAX_RECIPIENTS = 100;

	private final Notifications notifications;

	private final UserAccounts accounts;

	private final AllocationRunStore runs;

	private final AuditTrail audit;

	BudgetNotices(Notifications notifications, UserAccounts accounts, AllocationRunStore runs, AuditTrail audit) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.runs = runs;
		this.audit = audit;
	}

	@EventListener
	void on(IndicativeBudgetsPublished published) {
		RunView run = runs.find(published.runId()).orElseThrow();
		int told = published(run, runs.results(run.id()));
		audit.record(new AuditEntry("FINANCE_BUDGETS_PUBLISHED", "finance_run", String.valueOf(run.id()), null,
				Map.of("published", false), new Published(true, run.year().toString(), run.programme(),
						run.envelope().toString(), told)));
	}

	/** Returns how many people were told. */
	private int published(RunView run, List<CcgResult> results) {
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

	/** The audit trail's record of a publication: the run's year, programme and envelope, and the people told. */
	record Published(boolean published, String year, Programme programme, String envelope, int peopleTold) {
	}
}

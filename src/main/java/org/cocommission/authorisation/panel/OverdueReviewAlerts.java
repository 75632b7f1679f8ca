package org.cocommission.authorisation.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.authorisation.Authorisation;
import org.cocommission.authorisation.OverdueReview;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each morning, tells the CCG's area team (the one it had when the review fell due) (a notice, and an e-mail where the account has an address) about each
 * condition whose quarterly review is overdue: once per condition and due date.
 */
@Component
public class OverdueReviewAlerts {

	private static final Logger log = LoggerFactory.getLogger(OverdueReviewAlerts.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private static final int MAX_RECIPIENTS = 100;

	private final Authorisation authorisation;

	private final Directory directory;

	private final UserAccounts accounts;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final Clock clock;

	OverdueReviewAlerts(Authorisation authorisation, Directory directory, UserAccounts accounts,
			Notifications notifications, JdbcClient jdbc, Clock clock) {
		this.authorisation = authorisation;
		this.directory = directory;
		this.accounts = accounts;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${cocommission.authorisation.review-alerts-cron:0 10 7 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "authorisation-overdue-review-alerts", lockAtMostFor = "PT30M")
	void daily() {
		int alerted = ActingAs.system(() -> alert(LocalDate.now(clock)));
		if (alerted > 0) {
			log.info("Alerted area teams to {} overdue condition reviews", alerted);
		}
	}

	/** Alerts the area teams to reviews overdue on {@code today} not alerted before; returns how many conditions. */
	@Transactional
	public int alert(LocalDate today) {
		int alerted = 0;
		for (OverdueReview overdue : authorisation.overdueReviews(today)) {
			boolean first = jdbc.sql("insert into authorisation_review_alert (condition_id, due_on) values (?, ?)"
					+ " on conflict do nothing")
				.params(overdue.conditionId(), overdue.dueOn())
				.update() == 1;
			if (!first) {
				continue;
			}
			Optional<OrganisationRef> areaTeam = directory.parentChain(overdue.ccgCode(), overdue.dueOn())
				.stream()
				.filter(ref -> ref.type() == OrganisationType.AREA_TEAM)
				.findFirst();
			if (areaTeam.isEmpty()) {
				continue;
			}
			String title = "Condition review overdue: " + overdue.ccgCode() + ", criterion " + overdue.criterionCode();
			String body = "The quarterly review of CCG " + overdue.ccgCode() + "'s condition on criterion "
					+ overdue.criterionCode() + " was due on " + DATE.format(overdue.dueOn())
					+ ". Record the review, or discharge the condition if it is met.";
			String link = "/authorisation/ccgs/" + overdue.ccgCode() + "#condition-" + overdue.conditionId();
			List<UserView> team = accounts.list(areaTeam.get().code(), null, 0, MAX_RECIPIENTS).items();
			for (UserView user : team) {
				if (!user.enabled() || user.role() != Role.AREA_TEAM) {
					continue;
				}
				notifications.notice(user.username(), title, body, link);
				if (user.email() != null && !user.email().isBlank()) {
					notifications.email(user.email(), title, body + "\n\nOpen CoCommission: " + notifications.absolute(link),
							"authorisation-review-overdue-" + overdue.conditionId() + "-" + overdue.dueOn() + "-"
									+ user.username());
				}
			}
			alerted++;
		}
		return alerted;
	}
}

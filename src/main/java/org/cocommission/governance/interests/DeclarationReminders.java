package org.cocommission.governance.interests;

import java.time.format.DateTimeFormatter;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceViews.PersonView;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds people with a linked account whose declarations are overdue: a notice and an e-mail, once per person and
 * due date (the e-mail's deduplication key and {@code governance_reminder}), from a daily job that runs on one
 * instance at a time.
 */
@Component
public class DeclarationReminders {

	private static final Logger log = LoggerFactory.getLogger(DeclarationReminders.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

	private final Governance governance;

	private final Notifications notifications;

	private final UserAccounts accounts;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	DeclarationReminders(Governance governance, Notifications notifications, UserAccounts accounts, JdbcClient jdbc,
			AuditTrail audit) {
		this.governance = governance;
		this.notifications = notifications;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Scheduled(cron = "${cocommission.governance.reminders-cron:0 0 7 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "governance-declaration-reminders", lockAtMostFor = "PT30M")
	void daily() {
		int queued = ActingAs.system(this::queueReminders);
		if (queued > 0) {
			log.info("Queued {} reminders of overdue declarations of interests", queued);
		}
	}

	/** Queues the reminders due now; returns how many people were reminded. */
	@Transactional
	public int queueReminders() {
		int queued = 0;
		for (PersonView person : governance.overdueWithAccounts()) {
			boolean first = jdbc.sql("insert into governance_reminder (person_id, due_on) values (?, ?) on conflict do nothing")
				.params(person.id(), person.dueOn())
				.update() == 1;
			if (!first) {
				continue;
			}
			String subject = "Your declarations of interests were due on " + DATE.format(person.dueOn());
			String body = "Dear " + person.name() + ",\n\nYour declarations of interests for CCG " + person.ccgCode()
					+ " were due on " + DATE.format(person.dueOn()) + ". Please declare any interest, or make a nil return,"
					+ " in CoCommission under Governance, Register of interests.";
			String link = "/governance/ccgs/" + person.ccgCode() + "/register";
			notifications.notice(person.username(), subject, body, link);
			String email = accounts.find(person.username()).map(UserView::email).orElse(null);
			if (email != null) {
				notifications.email(email, subject, body,
						"governance-declarations-" + person.id() + "-" + person.dueOn());
			}
			audit.record(new AuditEntry("DECLARATION_REMINDER_QUEUED", "GOVERNANCE_PERSON", String.valueOf(person.id()),
					person.ccgCode(), null, java.util.Map.of("dueOn", person.dueOn().toString())));
			queued++;
		}
		return queued;
	}
}

package org.cocommission.contracts.cases;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.contracts.CaseStatus;
import org.cocommission.contracts.ContractCase;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the owner of each open case of its statutory dates (acknowledgement, decision) a few days before
 * ({@code cocommission.contracts.reminder-days-before}, 3 by default), and escalates to the practice's area team the
 * day after a date is missed: a notice and an e-mail through the outbox, each once per case, clock and kind, across
 * restarts and instances (docs/domain-rules.md, GP contracts, "Reminders").
 */
@Component
public class CaseReminders {

	private static final Logger log = LoggerFactory.getLogger(CaseReminders.class);

	private final CaseStore cases;

	private final Notifications notifications;

	private final UserAccounts accounts;

	private final Directory directory;

	private final int daysBefore;

	CaseReminders(CaseStore cases, Notifications notifications, UserAccounts accounts, Directory directory,
			@Value("${cocommission.contracts.reminder-days-before:3}") int daysBefore) {
		this.cases = cases;
		this.notifications = notifications;
		this.accounts = accounts;
		this.directory = directory;
		this.daysBefore = daysBefore;
	}

	@Scheduled(cron = "${cocommission.contracts.reminders-cron:0 30 7 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "contracts-case-reminders", lockAtMostFor = "PT30M")
	void daily() {
		int sent = ActingAs.system(() -> queue(directory.today()));
		if (sent > 0) {
			log.info("Queued {} contract case reminders and escalations", sent);
		}
	}

	/** Queues the reminders and escalations due on {@code today} not sent before; answers how many. */
	@Transactional
	public int queue(LocalDate today) {
		int sent = 0;
		for (ContractCase open : cases.open(null)) {
			if (open.status() == CaseStatus.RECEIVED && open.acknowledgeBy() != null && open.acknowledgedOn() == null) {
				sent += clock(open, "ACKNOWLEDGE", "acknowledged", open.acknowledgeBy(), today);
			}
			if (open.decideBy() != null) {
				sent += clock(open, "DECIDE", "decided", open.decideBy(), today);
			}
		}
		return sent;
	}

	private int clock(ContractCase open, String clock, String verb, LocalDate due, LocalDate today) {
		String link = "/contracts/cases/" + open.id();
		if (today.isAfter(due)) {
			if (!cases.firstReminder(open.id(), clock, "OVERDUE")) {
				return 0;
			}
			String title = open.title() + ": overdue";
			String body = open.kind().label() + " for " + open.practiceCode() + " was due to be " + verb + " by " + due
					+ ".";
			Set<String> recipients = new LinkedHashSet<>();
			recipients.add(open.owner());
			areaTeam(open.practiceCode()).ifPresent(team -> accounts.list(team, null, 0, 100)
				.items()
				.forEach(user -> recipients.add(user.username())));
			recipients.forEach(username -> tell(username, title, body, link,
					"contracts-case-" + open.id() + "-" + clock + "-overdue-" + username));
			return 1;
		}
		if (!today.isBefore(due.minusDays(daysBefore)) && cases.firstReminder(open.id(), clock, "REMINDER")) {
			tell(open.owner(), open.title() + ": due " + due, open.kind().label() + " for " + open.practiceCode()
					+ " must be " + verb + " by " + due + ".", link,
					"contracts-case-" + open.id() + "-" + clock + "-reminder");
			return 1;
		}
		return 0;
	}

	private java.util.Optional<String> areaTeam(String practiceCode) {
		List<OrganisationRef> chain = directory.parentChain(practiceCode, directory.today());
		return chain.stream().filter(ref -> ref.type() == OrganisationType.AREA_TEAM).map(OrganisationRef::code).findFirst();
	}

	private void tell(String username, String title, String body, String link, String key) {
		if (ActingAs.SYSTEM.equals(username)) {
			return;
		}
		notifications.notice(username, title, body, link);
		accounts.find(username)
			.map(UserView::email)
			.filter(email -> email != null && !email.isBlank())
			.ifPresent(email -> notifications.email(email, title, body + "\n\n" + notifications.absolute(link), key));
	}
}

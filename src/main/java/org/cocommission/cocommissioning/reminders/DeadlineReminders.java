package org.cocommission.cocommissioning.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.Round;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.UserView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds CCGs of each round's deadlines (expressions of interest; full applications, per level where a level has its
 * own) 14 and 3 days before (configurable): a notice and an e-mail to the users of
 * every CCG that has not yet submitted, once per round, deadline and lead time, across restarts
 * ({@code cocommissioning_reminder} and the e-mails' deduplication keys), from a daily job on one instance at a time.
 */
@Component
public class DeadlineReminders {

	private static final Logger log = LoggerFactory.getLogger(DeadlineReminders.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm");

	/**
	 * One deadline of a round to remind of: {@code key} names it in the sent-reminders table and the e-mails'
	 * deduplication keys (EXPRESSION_OF_INTEREST, APPLICATION, or APPLICATION_<LEVEL> for a level's own deadline).
	 */
	record Deadline(String key, String label, Instant at) {
	}

	/** The round's deadlines: expressions of interest, full applications, and each level's own where it differs. */
	static List<Deadline> deadlines(Round round) {
		List<Deadline> deadlines = new java.util.ArrayList<>();
		deadlines.add(new Deadline("EXPRESSION_OF_INTEREST", "expressions of interest", round.eoiDeadline()));
		if (round.levels().stream().anyMatch(level -> round.applicationDeadlineFor(level).equals(round.applicationDeadline()))) {
			deadlines.add(new Deadline("APPLICATION", "full applications", round.applicationDeadline()));
		}
		for (CommissioningLevel level : round.levelsInOrder()) {
			Instant own = round.applicationDeadlineFor(level);
			if (!own.equals(round.applicationDeadline())) {
				deadlines.add(new Deadline("APPLICATION_" + level.name(),
						"full applications for " + level.label().toLowerCase(), own));
			}
		}
		return List.copyOf(deadlines);
	}

	private final JdbcClient jdbc;

	private final Rounds rounds;

	private final Directory directory;

	private final TransitionNotices notices;

	private final AuditTrail audit;

	private final Clock clock;

	DeadlineReminders(JdbcClient jdbc, Rounds rounds, Directory directory, TransitionNotices notices, AuditTrail audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.directory = directory;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(cron = "${cocommission.cocommissioning.reminders-cron:0 0 7 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "cocommissioning-deadline-reminders", lockAtMostFor = "PT30M")
	void daily() {
		int sent = ActingAs.system(this::queueReminders);
		if (sent > 0) {
			log.info("Queued {} co-commissioning deadline reminders", sent);
		}
	}

	/** Queues the reminders due today that were not sent before; answers how many reminders (not messages) went. */
	@Transactional
	public int queueReminders() {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, Round.LONDON);
		List<Integer> leadTimes = rounds.reminderDaysBefore().stream().sorted().toList();
		int sent = 0;
		for (Round round : rounds.rounds()) {
			for (Deadline deadline : deadlines(round)) {
				Instant at = deadline.at();
				if (now.isAfter(at)) {
					continue;
				}
				LocalDate day = LocalDate.ofInstant(at, Round.LONDON);
				// The nearest lead time due today: a job that did not run for days sends one reminder, not several.
				Integer due = leadTimes.stream().filter(days -> !today.isBefore(day.minusDays(days))).findFirst().orElse(null);
				if (due != null && claim(round, deadline, due, leadTimes)) {
					remind(round, deadline, due, at);
					sent++;
				}
			}
		}
		return sent;
	}

	/** Marks the reminder, and the longer lead times already past, as sent; false when it was sent before. */
	private boolean claim(Round round, Deadline deadline, int days, List<Integer> leadTimes) {
		boolean first = jdbc.sql("insert into cocommissioning_reminder (round_id, deadline, days_before) values (?, ?, ?)"
				+ " on conflict do nothing")
			.params(round.id(), deadline.key(), days)
			.update() == 1;
		if (first) {
			leadTimes.stream().filter(d -> d > days).forEach(d -> jdbc.sql("insert into cocommissioning_reminder"
					+ " (round_id, deadline, days_before) values (?, ?, ?) on conflict do nothing")
				.params(round.id(), deadline.key(), d)
				.update());
		}
		return first;
	}

	private void remind(Round round, Deadline deadline, int days, Instant at) {
		Set<String> submitted = new LinkedHashSet<>(jdbc.sql("select ccg_code from cocommissioning_application"
				+ " where round_id = ? and status not in ('DRAFT', 'WITHDRAWN')")
			.param(round.id())
			.query(String.class)
			.list());
		String title = round.name() + ": " + deadline.label() + " are due in " + days + " days";
		String body = "The deadline for " + deadline.label() + " in " + round.name() + " is " + WHEN.format(at.atZone(Round.LONDON))
				+ " (UK time).";
		Set<UserView> users = new LinkedHashSet<>();
		for (OrganisationSummary ccg : directory.list(OrganisationType.CCG, null, null, Directory.ListSort.CODE, false, 0,
				1000).items()) {
			if (!submitted.contains(ccg.code())) {
				users.addAll(notices.usersOf(ccg.code()));
			}
		}
		notices.send(users, title, body, "/co-commissioning/rounds/" + round.id(),
				"cocommissioning-reminder-" + round.id() + "-" + deadline.key() + "-" + days);
		audit.record(new AuditEntry("COCOMMISSIONING_REMINDER_SENT", "COCOMMISSIONING_ROUND", String.valueOf(round.id()),
				null, null, new ReminderSent(deadline.key(), days, users.size())));
	}

	/** The audit trail's record of a reminder: which deadline, how many days before it, and the users told. */
	record ReminderSent(String deadline, int daysBefore, int recipients) {
	}
}

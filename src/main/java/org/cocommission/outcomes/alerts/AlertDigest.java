package org.cocommission.outcomes.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;
import org.cocommission.notification.Notifications;
import org.cocommission.platform.PageOf;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily alert digest: each user with new unacknowledged alerts in their scope gets one e-mail through the outbox
 * (deduplication key per user and day) and an in-app notice, listing them with links. "New" is after the last alert
 * of the user's previous digest; a second run the same day queues nothing. Runs on one instance at a time.
 */
@Component
public class AlertDigest {

	private static final Logger log = LoggerFactory.getLogger(AlertDigest.class);

	/** The most alerts one e-mail lists; the rest are counted, with a link to the list. */
	static final int LISTED = 25;

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy");

	private final AlertStore store;

	private final UserAccounts accounts;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	AlertDigest(AlertStore store, UserAccounts accounts, Notifications notifications, JdbcClient jdbc, AuditTrail audit,
			Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Scheduled(cron = "${cocommission.outcomes.alert-digest-cron:0 30 7 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "outcomes-alert-digest", lockAtMostFor = "PT30M")
	void daily() {
		long started = System.nanoTime();
		int queued = ActingAs.system(() -> queueDigests(LocalDate.now(clock.withZone(ZoneId.of("Europe/London")))));
		log.info("Queued {} outcomes alert digests in {} ms", queued, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Queues today's digests; returns how many users got one. The open alerts' keys and every user's last digest are
	 * read once, so only users with something new cost a query of their own.
	 */
	@Transactional
	public int queueDigests(LocalDate day) {
		Map<String, Long> lastListed = new HashMap<>();
		Set<String> sentToday = new HashSet<>();
		jdbc.sql("select username, max(last_alert_id), bool_or(digest_date = ?) from outcomes_alert_digest group by username")
			.param(day)
			.query(rs -> {
				lastListed.put(rs.getString(1), rs.getLong(2));
				if (rs.getBoolean(3)) {
					sentToday.add(rs.getString(1));
				}
			});
		List<AlertStore.OpenAlert> open = store.open();
		int queued = 0;
		int page = 0;
		PageOf<UserView> users;
		do {
			users = accounts.list(null, null, page++, 100);
			for (UserView user : users.items()) {
				if (user.enabled() && !sentToday.contains(user.username())
						&& digest(user, day, lastListed.getOrDefault(user.username(), 0L), open)) {
					queued++;
				}
			}
		}
		while (users.hasNext());
		return queued;
	}

	private boolean digest(UserView user, LocalDate day, long after, List<AlertStore.OpenAlert> open) {
		AlertStore.Scope scope = AlertStore.Scope
			.of(new CurrentUser(user.username(), user.displayName(), user.role(), user.organisationCode()));
		long total = 0;
		long lastId = after;
		for (AlertStore.OpenAlert alert : open) {
			if (alert.id() > after && scope.includes(alert.orgCode(), alert.ccgCode(), alert.areaTeamCode())) {
				total++;
				lastId = Math.max(lastId, alert.id());
			}
		}
		if (total == 0) {
			return false;
		}
		List<Alert> alerts = store.newSince(scope, after, LISTED);
		String subject = total + " new outcomes alert" + (total == 1 ? "" : "s") + " on " + DATE.format(day);
		notifications.notice(user.username(), subject, "Practices or CCGs in your scope became significantly worse or"
				+ " moved into the worst decile.", "/outcomes/alerts?acknowledged=no");
		if (user.email() != null && !user.email().isBlank()) {
			notifications.email(user.email(), subject, body(user, alerts, total, notifications.baseUrl()),
					"outcomes-alerts-" + user.username() + "-" + day);
		}
		jdbc.sql("insert into outcomes_alert_digest (username, digest_date, last_alert_id, alerts) values (?, ?, ?, ?)")
			.params(user.username(), day, lastId, total)
			.update();
		audit.record(new AuditEntry("OUTCOMES_ALERT_DIGEST_QUEUED", "OUTCOMES_ALERT_DIGEST", user.username(),
				user.organisationCode(), null, new DigestQueued(day, total, lastId)));
		return true;
	}

	/** The audit trail's record of a user's digest: the day, the alerts it counted and the last alert it covers. */
	record DigestQueued(LocalDate day, long alerts, long lastAlertId) {
	}

	/**
	 * The e-mail: one line per alert with its link, at most {@value #LISTED}, then how many more and the list's link;
	 * links are absolute, on {@code baseUrl} (the {@code cocommission.base-url} setting), so that they work from a mail
	 * client.
	 */
	static String body(UserView user, List<Alert> alerts, long total, String baseUrl) {
		StringBuilder body = new StringBuilder("Dear ").append(user.displayName())
			.append(",\n\nThese practices or CCGs in your scope have new outcomes alerts:\n\n");
		for (Alert alert : alerts) {
			body.append("- ")
				.append(alert.orgName())
				.append(" (")
				.append(alert.orgCode())
				.append("), ")
				.append(alert.indicatorName())
				.append(": ")
				.append(alert.reason().label().toLowerCase())
				.append(", ")
				.append(alert.previousPeriod())
				.append(" to ")
				.append(alert.period())
				.append(". ")
				.append(baseUrl)
				.append("/outcomes/alerts/")
				.append(alert.id())
				.append('\n');
		}
		if (total > alerts.size()) {
			body.append("\nand ").append(total - alerts.size()).append(" more.\n");
		}
		body.append("\nSee them all in CoCommission under Outcomes, Alerts: ")
			.append(baseUrl)
			.append("/outcomes/alerts?acknowledged=no\n");
		return body.toString();
	}

}

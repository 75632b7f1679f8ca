package org.cocommission.authorisation.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.authorisation.SurveyRemindersSent;
import org.cocommission.identity.ActingAs;
import org.cocommission.notification.Notifications;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each morning, reminds every listed stakeholder who has not answered a 360 survey, through the outbox, when their link
 * expires within the next few days (5 unless configured): once per invitation, audited per survey and CCG. The
 * reminder carries a second link to the same invitation, since the first is kept only as a hash; either works once
 * (docs/domain-rules.md, "CCG authorisation").
 */
@Component
public class SurveyReminders {

	private static final Logger log = LoggerFactory.getLogger(SurveyReminders.class);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
		.withZone(ZoneId.of("Europe/London"));

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final int daysBeforeExpiry;

	SurveyReminders(JdbcClient jdbc, Notifications notifications, ApplicationEventPublisher events, Clock clock,
			@Value("${cocommission.authorisation.survey-reminder-days:5}") int daysBeforeExpiry) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
		this.daysBeforeExpiry = daysBeforeExpiry;
	}

	@Scheduled(cron = "${cocommission.authorisation.survey-reminders-cron:0 20 7 * * *}", zone = "Europe/London")
	@SchedulerLock(name = "authorisation-survey-reminders", lockAtMostFor = "PT30M")
	void daily() {
		int reminded = ActingAs.system(() -> remind(Instant.now(clock)));
		if (reminded > 0) {
			log.info("Reminded {} stakeholders to answer the 360 survey", reminded);
		}
	}

	private record Due(long id, long surveyId, String surveyName, String ccgCode, Instant expiresAt, String email,
			String organisation, String role, StakeholderGroup stakeholderGroup) {
	}

	/** Reminds the stakeholders due a reminder at {@code now}; returns how many. */
	@Transactional
	public int remind(Instant now) {
		List<Due> due = jdbc.sql("""
				select i.id, i.survey_id, v.name as survey_name, i.ccg_code, i.expires_at, s.email, s.organisation, s.role,
				  s.stakeholder_group
				from authorisation_survey_invitation i
				join authorisation_stakeholder s on s.id = i.stakeholder_id and s.removed_at is null
				join authorisation_survey v on v.id = i.survey_id
				where i.used_at is null and i.revoked_at is null and i.reminded_at is null
				  and i.expires_at > ? and i.expires_at <= ?
				order by i.survey_id, i.ccg_code, i.id
				for update of i skip locked""")
			.params(java.sql.Timestamp.from(now), java.sql.Timestamp.from(now.plus(Duration.ofDays(daysBeforeExpiry))))
			.query(Due.class)
			.list();
		Map<List<Object>, Integer> counts = new LinkedHashMap<>();
		for (Due invitation : due) {
			// A second token for the same invitation, given to nobody: the link is made when the e-mail is sent.
			String reference = SurveyLinks.sha256(SurveyLinks.newToken());
			// The update is the guard: an invitation is reminded once, however often the job runs.
			int marked = jdbc.sql("update authorisation_survey_invitation set reminded_at = ?, reminder_token_sha256 = ?"
					+ " where id = ? and reminded_at is null and used_at is null and revoked_at is null")
				.params(java.sql.Timestamp.from(now), reference, invitation.id())
				.update();
			if (marked == 0) {
				continue;
			}
			notifications.emailWithLink(invitation.email(), "Reminder: " + invitation.surveyName()
					+ ", your views on " + invitation.ccgCode(), body(invitation, Notifications.LINK),
					"authorisation-survey-reminder-" + invitation.id(), SurveyOutboxLinks.KIND, reference);
			counts.merge(List.of(invitation.surveyId(), invitation.ccgCode()), 1, Integer::sum);
		}
		counts.forEach((key, reminded) -> events.publishEvent(
				new SurveyRemindersSent((Long) key.get(0), (String) key.get(1), reminded, daysBeforeExpiry)));
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

	private static String body(Due invitation, String link) {
		return "A reminder: you are invited, as " + invitation.role() + " at " + invitation.organisation() + " ("
				+ invitation.stakeholderGroup().label().toLowerCase(Locale.UK) + "), to answer the "
				+ invitation.surveyName() + " about clinical commissioning group " + invitation.ccgCode()
				+ ", and we have not had your answers yet.\n\n"
				+ "Answer here, or from the link in your first e-mail; you do not need an account, and either link works"
				+ " once, until " + DATE.format(invitation.expiresAt()) + ":\n" + link
				+ "\n\nYour answers are reported only in groups of 5 or more responses.";
	}
}

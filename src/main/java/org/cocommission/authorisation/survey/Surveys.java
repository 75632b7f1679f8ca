package org.cocommission.authorisation.survey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cocommission.authorisation.SurveyInvitationsSent;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;
import org.cocommission.notification.Notifications;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 360 survey run inside CoCommission: the questionnaire per survey year (NHS England builds it), each CCG's
 * stakeholder list (the CCG keeps it; its area team and NHS England read it) and the invitations, a one-time link per
 * stakeholder e-mailed through the outbox (NHS England sends them). Rules in docs/domain-rules.md, "CCG authorisation".
 */
@Service
public class Surveys {

	/** How long an invitation's link stays good unless said otherwise. */
	public static final int DEFAULT_VALID_DAYS = 21;

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final SurveyLinks links;

	private final Notifications notifications;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	Surveys(JdbcClient jdbc, AccessPolicy access, SurveyLinks links, Notifications notifications,
			ApplicationEventPublisher events, java.time.Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.access = access;
		this.links = links;
		this.notifications = notifications;
		this.events = events;
	}

	/** Every survey, newest first, with its questionnaire and response rates: NHS England. */
	@Transactional(readOnly = true)
	public List<SurveySummary> surveys() {
		access.checkNational();
		return jdbc.sql("select id from authorisation_survey order by year desc nulls last, id desc")
			.query(Long.class)
			.list()
			.stream()
			.map(this::load)
			.toList();
	}

	/** One survey with its questionnaire and response rates by CCG: NHS England. */
	@Transactional(readOnly = true)
	public SurveySummary survey(long id) {
		access.checkNational();
		return load(id);
	}

	private SurveySummary load(long id) {
		record Head(long id, String name, Integer year) {
		}
		Head head = jdbc.sql("select id, name, year from authorisation_survey where id = ?")
			.param(id)
			.query(Head.class)
			.optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("No survey " + id));
		List<SurveyLink.Question> questions = jdbc
			.sql("select number, domain_number, text, scale from authorisation_survey_question where survey_id = ?"
					+ " order by number")
			.param(id)
			.query(SurveyLink.Question.class)
			.list();
		List<SurveySummary.ResponseRate> rates = jdbc.sql("""
				select ccg_code, count(*) as invited, count(used_at) as answered
				from authorisation_survey_invitation where survey_id = ? and revoked_at is null
				group by ccg_code order by ccg_code""")
			.param(id)
			.query(SurveySummary.ResponseRate.class)
			.list();
		return new SurveySummary(head.id(), head.name(), head.year(), questions, rates);
	}

	/** A new, empty survey for a year: NHS England. */
	@Transactional
	public long create(SurveyForm form) {
		requireNationalOrSystem();
		return jdbc.sql("insert into authorisation_survey (name, year) values (?, ?) returning id")
			.params(form.name().strip(), form.year())
			.query(Long.class)
			.single();
	}

	/**
	 * Adds a question at the end of the questionnaire: NHS England, and only while no link is out, so that every
	 * stakeholder answers the same questions.
	 */
	@Transactional
	public int addQuestion(long surveyId, QuestionForm form) {
		requireNationalOrSystem();
		jdbc.sql("select id from authorisation_survey where id = ? for update")
			.param(surveyId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("No survey " + surveyId));
		if (jdbc.sql("select exists (select 1 from authorisation_survey_invitation where survey_id = ?)")
			.param(surveyId)
			.query(Boolean.class)
			.single()) {
			throw new InvalidInputException("text",
					"Links to this survey are out: its questions are fixed. Copy it into a new survey to change them");
		}
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from authorisation_survey_question where survey_id = ?")
			.param(surveyId)
			.query(Integer.class)
			.single();
		jdbc.sql("insert into authorisation_survey_question (survey_id, number, domain_number, text, scale)"
				+ " values (?, ?, ?, ?, ?)")
			.params(surveyId, number, form.domainNumber(), form.text().strip(), form.scale().name())
			.update();
		return number;
	}

	/** A CCG's current stakeholder list: the CCG, its area team and NHS England. */
	@Transactional(readOnly = true)
	public List<Stakeholder> stakeholders(String ccgCode) {
		access.checkCanSee(ccgCode);
		return jdbc.sql("""
				select id, ccg_code, organisation, stakeholder_group as "group", role, email,
				  null::timestamptz as invited_at, false as answered
				from authorisation_stakeholder where ccg_code = ? and removed_at is null
				order by stakeholder_group, organisation, id""")
			.param(ccgCode)
			.query(Stakeholder.class)
			.list();
	}

	/** A CCG's stakeholders with what became of their invitation to one survey: the CCG, its area team, NHS England. */
	@Transactional(readOnly = true)
	public List<Stakeholder> invitees(long surveyId, String ccgCode) {
		access.checkCanSee(ccgCode);
		return jdbc.sql("""
				select s.id, s.ccg_code, s.organisation, s.stakeholder_group as "group", s.role, s.email,
				  max(i.invited_at) as invited_at, coalesce(bool_or(i.used_at is not null), false) as answered
				from authorisation_stakeholder s
				left join authorisation_survey_invitation i on i.stakeholder_id = s.id and i.survey_id = ?
				  and i.revoked_at is null
				where s.ccg_code = ? and s.removed_at is null
				group by s.id order by s.stakeholder_group, s.organisation, s.id""")
			.params(surveyId, ccgCode)
			.query(Stakeholder.class)
			.list();
	}

	/** Whether the signed-in user keeps this CCG's stakeholder list: the CCG itself or NHS England. */
	public boolean canEditStakeholders(String ccgCode) {
		return access.currentUser().map(user -> keeps(user, ccgCode)).orElse(false);
	}

	private static boolean keeps(CurrentUser user, String ccgCode) {
		return user.isNational() || ccgCode.equals(user.organisationCode());
	}

	private void checkCanEditStakeholders(String ccgCode) {
		if (!ActingAs.isSystem() && !keeps(access.requireUser(), ccgCode)) {
			throw new AccessDeniedException("Only the CCG itself and NHS England keep its stakeholder list");
		}
	}

	/** Adds a stakeholder to a CCG's list; one e-mail address is on a list once. */
	@Transactional
	public long addStakeholder(String ccgCode, StakeholderForm form) {
		checkCanEditStakeholders(ccgCode);
		String email = form.email().strip();
		if (jdbc.sql("select exists (select 1 from authorisation_stakeholder where ccg_code = ? and lower(email) = lower(?)"
				+ " and removed_at is null)")
			.params(ccgCode, email)
			.query(Boolean.class)
			.single()) {
			throw new InvalidInputException("email", "This e-mail address is on the list already");
		}
		return jdbc.sql("insert into authorisation_stakeholder (ccg_code, organisation, stakeholder_group, role, email)"
				+ " values (?, ?, ?, ?, ?) returning id")
			.params(ccgCode, form.organisation().strip(), form.group().name(), form.role().strip(), email)
			.query(Long.class)
			.single();
	}

	/**
	 * Takes a stakeholder off a CCG's list. Their links not yet used are revoked; answers already given stay, without
	 * the name.
	 */
	@Transactional
	public void removeStakeholder(String ccgCode, long stakeholderId) {
		checkCanEditStakeholders(ccgCode);
		Instant now = Instant.now(clock);
		int removed = jdbc.sql("update authorisation_stakeholder set removed_at = ? where id = ? and ccg_code = ?"
				+ " and removed_at is null")
			.params(java.sql.Timestamp.from(now), stakeholderId, ccgCode)
			.update();
		if (removed == 0) {
			throw new java.util.NoSuchElementException("No stakeholder " + stakeholderId + " on " + ccgCode + "'s list");
		}
		jdbc.sql("update authorisation_survey_invitation set revoked_at = ? where stakeholder_id = ? and used_at is null"
				+ " and revoked_at is null")
			.params(java.sql.Timestamp.from(now), stakeholderId)
			.update();
	}

	/**
	 * E-mails a one-time link to every stakeholder on the CCG's list not yet invited to the survey, through the outbox;
	 * says how many. NHS England (or the application itself). The link is made when the e-mail is sent
	 * ({@link SurveyOutboxLinks}): the outbox never holds a usable one.
	 */
	@Transactional
	public int invite(long surveyId, String ccgCode, int validForDays) {
		requireNationalOrSystem();
		if (validForDays < 1 || validForDays > 90) {
			throw new InvalidInputException("validForDays", "A link can be good for 1 to 90 days");
		}
		record Survey(String name, boolean hasQuestions) {
		}
		Survey survey = jdbc.sql("select name, exists (select 1 from authorisation_survey_question q"
				+ " where q.survey_id = s.id) as has_questions from authorisation_survey s where id = ?")
			.param(surveyId)
			.query(Survey.class)
			.optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("No survey " + surveyId));
		if (!survey.hasQuestions()) {
			throw new InvalidInputException("validForDays", "Add the survey's questions before inviting anyone");
		}
		List<Stakeholder> uninvited = jdbc.sql("""
				select s.id, s.ccg_code, s.organisation, s.stakeholder_group as "group", s.role, s.email,
				  null::timestamptz as invited_at, false as answered
				from authorisation_stakeholder s
				where s.ccg_code = ? and s.removed_at is null and not exists (select 1 from authorisation_survey_invitation i
				  where i.stakeholder_id = s.id and i.survey_id = ? and i.revoked_at is null)
				order by s.id""")
			.params(ccgCode, surveyId)
			.query(Stakeholder.class)
			.list();
		for (Stakeholder stakeholder : uninvited) {
			// The outbox keeps the hash of a token nobody is given; the link is made when the e-mail is sent.
			String reference = SurveyLinks.sha256(links.insertLink(surveyId, ccgCode, stakeholder.group().label(),
					stakeholder.id(), Duration.ofDays(validForDays)));
			notifications.emailWithLink(stakeholder.email(), survey.name() + ": your views on " + ccgCode,
					invitationBody(survey.name(), stakeholder, Notifications.LINK, validForDays),
					"authorisation-survey-" + surveyId + "-stakeholder-" + stakeholder.id() + "-"
							+ reference.substring(0, 16),
					SurveyOutboxLinks.KIND, reference);
		}
		if (!uninvited.isEmpty()) {
			events.publishEvent(new SurveyInvitationsSent(surveyId, ccgCode, uninvited.size(), validForDays));
		}
		return uninvited.size();
	}

	static String invitationBody(String surveyName, Stakeholder stakeholder, String link, int validForDays) {
		return "You are invited, as " + stakeholder.role() + " at " + stakeholder.organisation() + " ("
				+ stakeholder.group().label().toLowerCase(java.util.Locale.UK) + "), to answer the " + surveyName
				+ " about clinical commissioning group " + stakeholder.ccgCode() + ".\n\n"
				+ "Answer here; you do not need an account, and the link works once and for " + validForDays
				+ " days:\n" + link + "\n\nYour answers are reported only in groups of 5 or more responses.";
	}

	/** Per CCG how many of its listed stakeholders there are, for the builder's invitation form. */
	@Transactional(readOnly = true)
	public Map<String, Integer> listSizes() {
		access.checkNational();
		return jdbc.sql("select ccg_code, count(*) as size from authorisation_stakeholder where removed_at is null"
				+ " group by ccg_code order by ccg_code")
			.query((rs, n) -> Map.entry(rs.getString("ccg_code"), rs.getInt("size")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
					java.util.LinkedHashMap::new));
	}

	private void requireNationalOrSystem() {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
	}
}

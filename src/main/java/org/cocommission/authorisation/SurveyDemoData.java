package org.cocommission.authorisation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.authorisation.survey.SurveyReports;
import org.cocommission.authorisation.survey.SurveyResult;
import org.cocommission.identity.ActingAs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A synthetic 360 survey for the demo, set-based in two statements: the questionnaire (eight agreement questions: two
 * on each of the first two domains, the 360's main themes, and one on each other), then for every CCG given a stakeholder list of 30 to 45 across the six groups, their invitations (expired
 * long ago, so no reminder goes out) and the answers of those who answered. Response rates spread from about 35% to
 * 85%, with about one CCG in thirty where fewer than 5 answered; agreement varies by CCG, question and group. Every
 * draw is a hash of its key, so the same CCGs give the same survey.
 */
@Service
public class SurveyDemoData {

	private static final Logger log = LoggerFactory.getLogger(SurveyDemoData.class);

	/** The questionnaire: domain, text, and how much easier (positive) or harder it is to agree with. */
	private static final List<Object[]> QUESTIONS = List.of(
			new Object[] { 1, "The CCG's clinical leaders have a clear vision for improving services", 0.2 },
			new Object[] { 1, "Clinicians from across the area are involved in the CCG's decisions", -0.1 },
			new Object[] { 2, "The CCG involves patients and the public in its plans", -0.2 },
			new Object[] { 2, "The CCG listens to and acts on what patients, carers and communities say", -0.35 },
			new Object[] { 3, "The CCG's plans can be delivered within its budget", -0.45 },
			new Object[] { 4, "The CCG makes its decisions openly", 0.05 },
			new Object[] { 5, "The CCG works well with the local authority and other partners", 0.1 },
			new Object[] { 6, "I have confidence in the CCG's leadership", 0.1 });

	private final JdbcClient jdbc;

	private final SurveyReports reports;

	private final Clock clock;

	SurveyDemoData(JdbcClient jdbc, SurveyReports reports, Clock clock) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.clock = clock;
	}

	/** The survey of {@code year}, if there is one (the demo has one survey a year). */
	@Transactional(readOnly = true)
	public Optional<Long> surveyOf(int year) {
		return jdbc.sql("select min(id) from authorisation_survey where year = ?").param(year).query(Long.class).optional();
	}

	/** Whether any CCG's survey report is published, so that the demo publishes its few once. */
	@Transactional(readOnly = true)
	public boolean anyReportPublished() {
		return jdbc.sql("select exists (select 1 from authorisation_survey_report_publication)")
			.query(Boolean.class)
			.single();
	}

	/**
	 * The CCGs whose report of the survey can be worth publishing, by code: the survey is closed for them (every
	 * invitation answered or expired) and at least the anonymity threshold answered (docs/domain-rules.md).
	 */
	@Transactional(readOnly = true)
	public List<String> closedWithEnoughAnswers(long surveyId) {
		return jdbc.sql("""
				select ccg_code from authorisation_survey_invitation where survey_id = ? and revoked_at is null
				group by ccg_code having count(used_at) >= ? and bool_and(used_at is not null or expires_at <= ?)
				order by ccg_code""")
			.params(surveyId, SurveyResult.ANONYMITY_THRESHOLD, Timestamp.from(clock.instant()))
			.query(String.class)
			.list();
	}

	/**
	 * Publishes the CCG's report of the survey through the survey's own service, as whoever runs it: the CCG itself or
	 * NHS England (audited, as any publication).
	 */
	public void publishReport(long surveyId, String ccgCode) {
		reports.publish(surveyId, ccgCode);
	}

	/** Whether any 360 survey exists, so that the demo loads once. */
	@Transactional(readOnly = true)
	public boolean anySurvey() {
		return jdbc.sql("select exists (select 1 from authorisation_survey)").query(Boolean.class).single();
	}

	/**
	 * Loads the survey of {@code year} for these CCGs (codes and names alike ordered); the application itself only.
	 * Returns the survey's id.
	 */
	@Transactional
	public long load(int year, List<String> ccgCodes, List<String> ccgNames) {
		if (!ActingAs.isSystem()) {
			throw new org.springframework.security.access.AccessDeniedException("Demo data is loaded by the application");
		}
		long started = System.nanoTime();
		long survey = jdbc.sql("""
				with survey as (insert into authorisation_survey (name, year) values (?, ?) returning id)
				insert into authorisation_survey_question (survey_id, number, domain_number, text, scale)
				select survey.id, q.number, q.domain_number, q.text, 'AGREE_5'
				from survey, unnest(?::int[], ?::varchar[]) with ordinality as q(domain_number, text, number)
				returning survey_id""")
			.params(year + "/" + String.format("%02d", (year + 1) % 100) + " 360 stakeholder survey", year,
					QUESTIONS.stream().map(q -> (Integer) q[0]).toArray(Integer[]::new),
					QUESTIONS.stream().map(q -> (String) q[1]).toArray(String[]::new))
			.query(Long.class)
			.list()
			.get(0);
		int answers = jdbc.sql("""
				with args as (select ?::varchar[] as codes, ?::varchar[] as names, ?::bigint as survey, ?::int as year,
				  ?::float8[] as ease),
				ccg as (
				  select c.code, regexp_replace(regexp_replace(n.name, '^NHS ', '', 'i'), ' (CCG|Clinical Commissioning Group)$', '', 'i') as area,
				    30 + (abs(hashtext(c.code || ':size')) % 16) as size,
				    case when abs(hashtext(c.code || ':late')) % 30 = 0 then 0.1
				      else 0.35 + (abs(hashtext(c.code || ':rate')) % 500) / 1000.0 end as rate,
				    ((abs(hashtext(c.code || ':mood')) % 1000) / 1000.0 - 0.5) * 1.2 as mood
				  from args, unnest(args.codes) with ordinality as c(code, ord)
				  join unnest(args.names) with ordinality as n(name, ord) using (ord)),
				person as (
				  select ccg.code, ccg.area, ccg.rate, ccg.mood, p.n,
				    case when p.n <= ccg.size * 0.45 then 'MEMBER_PRACTICE' when p.n <= ccg.size * 0.60 then 'PROVIDER'
				      when p.n <= ccg.size * 0.70 then 'NEIGHBOURING_CCG' when p.n <= ccg.size * 0.80 then 'LOCAL_AUTHORITY'
				      when p.n <= ccg.size * 0.85 then 'HEALTH_AND_WELLBEING_BOARD' else 'PATIENT_GROUP' end as grp
				  from ccg cross join lateral generate_series(1, ccg.size) as p(n)),
				listed as (
				  insert into authorisation_stakeholder (ccg_code, organisation, stakeholder_group, role, email)
				  select code,
				    case grp
				      when 'MEMBER_PRACTICE' then (array['Riverside', 'Park', 'Church Street', 'Highfield', 'Station Road',
				        'Market Place', 'Oakwood', 'Castle', 'Valley', 'Abbey', 'Bridge', 'Green Lane'])[1 + n % 12] || ' '
				        || (array['Surgery', 'Medical Centre', 'Health Centre', 'Medical Practice'])[1 + (n / 12) % 4]
				      when 'PROVIDER' then area || (array[' Hospitals NHS Foundation Trust', ' Community Health NHS Trust',
				        ' Mental Health NHS Foundation Trust', ' Hospice'])[1 + n % 4]
				      when 'NEIGHBOURING_CCG' then 'A neighbouring CCG of ' || area
				      when 'LOCAL_AUTHORITY' then area || ' Council'
				      when 'HEALTH_AND_WELLBEING_BOARD' then area || ' Health and Wellbeing Board'
				      else (array['Healthwatch ', 'Patient participation group network, ', 'Carers forum, '])[1 + n % 3] || area
				    end,
				    grp,
				    case grp
				      when 'MEMBER_PRACTICE' then (array['GP partner', 'Practice manager'])[1 + n % 2]
				      when 'PROVIDER' then (array['Medical director', 'Director of nursing', 'Chief executive'])[1 + n % 3]
				      when 'NEIGHBOURING_CCG' then (array['Accountable officer', 'Clinical chair'])[1 + n % 2]
				      when 'LOCAL_AUTHORITY' then (array['Director of public health', 'Director of adult social services'])[1 + n % 2]
				      when 'HEALTH_AND_WELLBEING_BOARD' then 'Chair'
				      else (array['Chair', 'Member'])[1 + n % 2]
				    end,
				    'stakeholder' || n || '@' || lower(code) || '.example.org'
				  from person
				  returning id, ccg_code, stakeholder_group),
				invited as (
				  insert into authorisation_survey_invitation (survey_id, ccg_code, stakeholder_group, token_sha256,
				    expires_at, stakeholder_id, invited_at, used_at)
				  select args.survey, l.ccg_code,
				    case l.stakeholder_group when 'MEMBER_PRACTICE' then 'Member practice' when 'PROVIDER' then 'Provider'
				      when 'NEIGHBOURING_CCG' then 'Neighbouring CCG' when 'LOCAL_AUTHORITY' then 'Local authority'
				      when 'HEALTH_AND_WELLBEING_BOARD' then 'Health and wellbeing board' else 'Patient group' end,
				    md5('demo-360:' || l.id) || md5('demo-360b:' || l.id),
				    make_date(args.year, 11, 5), l.id, make_date(args.year, 10, 15),
				    case when (abs(hashtext(l.id || ':answered')) % 1000) / 1000.0 < ccg.rate
				      then make_date(args.year, 10, 15) + (abs(hashtext(l.id || ':when')) % 20) * interval '1 day'
				        + (abs(hashtext(l.id || ':hour')) % 600) * interval '1 minute' + interval '8 hours' end
				  from args, listed l join ccg on ccg.code = l.ccg_code
				  returning id, ccg_code, stakeholder_group, used_at)
				insert into authorisation_survey_answer (invitation_id, question_number, agreement)
				select i.id, q.number,
				  greatest(1, least(5, round(4.15 + ccg.mood + q.ease
				    + case i.stakeholder_group when 'Member practice' then 0.15 when 'Patient group' then -0.25 else 0 end
				    + ((abs(hashtext(i.id || ':' || q.number)) % 1000) + (abs(hashtext(q.number || ':' || i.id)) % 1000)
				       - 1000) / 1000.0 * 2.0)))::int
				from invited i join ccg on ccg.code = i.ccg_code
				cross join args cross join lateral unnest(args.ease) with ordinality as q(ease, number)
				where i.used_at is not null""")
			.params(ccgCodes.toArray(String[]::new), ccgNames.toArray(String[]::new), survey, year,
					QUESTIONS.stream().map(q -> (Double) q[2]).toArray(Double[]::new))
			.update();
		log.info("Demo data: a 360 survey of {} CCGs with {} answers in {} ms", ccgCodes.size(), answers,
				(System.nanoTime() - started) / 1_000_000);
		return survey;
	}
}

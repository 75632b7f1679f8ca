package org.cocommission.authorisation.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cocommission.authorisation.Authorisation;
import org.cocommission.authorisation.Framework;
import org.cocommission.authorisation.SurveyReportPublished;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CCG's 360 survey report per survey year: per question, per domain and per stakeholder group, each against the
 * national share, with no breakdown under the anonymity threshold. For the CCG, its area team and NHS England
 * (docs/domain-rules.md, "CCG authorisation"); once the CCG or NHS England publishes it, for anyone ("Published survey
 * reports").
 */
@Service
public class SurveyReports {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final SurveyLinks links;

	private final Authorisation authorisation;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SurveyReports(JdbcClient jdbc, AccessPolicy access, SurveyLinks links, Authorisation authorisation,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.access = access;
		this.links = links;
		this.authorisation = authorisation;
	}

	/** A survey a CCG's stakeholders were invited to, with how many answered. */
	public record CcgSurvey(long surveyId, String name, Integer year, int invited, int answered) {
	}

	/** The surveys a CCG's stakeholders were invited to, newest first. */
	@Transactional(readOnly = true)
	public List<CcgSurvey> surveysOf(String ccgCode) {
		access.checkCanSee(ccgCode);
		return jdbc.sql("""
				select s.id as survey_id, s.name, s.year, count(*) as invited, count(i.used_at) as answered
				from authorisation_survey s join authorisation_survey_invitation i on i.survey_id = s.id
				where i.ccg_code = ? and i.revoked_at is null
				group by s.id order by s.year desc nulls last, s.id desc""")
			.param(ccgCode)
			.query(CcgSurvey.class)
			.list();
	}

	/** A published report in the public list. */
	public record PublishedReport(long surveyId, String name, Integer year, String ccgCode, Instant publishedAt) {
	}

	/** Every published report, newest survey first, then by CCG. Anyone. */
	@Transactional(readOnly = true)
	public List<PublishedReport> published() {
		return jdbc.sql("""
				select s.id as survey_id, s.name, s.year, p.ccg_code, p.published_at
				from authorisation_survey_report_publication p join authorisation_survey s on s.id = p.survey_id
				order by s.year desc nulls last, s.id desc, p.ccg_code""")
			.query(PublishedReport.class)
			.list();
	}

	/** When the CCG's report for the survey was published; empty while it is private. */
	@Transactional(readOnly = true)
	public Optional<Instant> publishedAt(long surveyId, String ccgCode) {
		return jdbc.sql("select published_at from authorisation_survey_report_publication where survey_id = ?"
				+ " and ccg_code = ?")
			.params(surveyId, ccgCode)
			.query(Instant.class)
			.optional();
	}

	/** The CCG's published report, for anyone; a report not published is not found, as if it did not exist. */
	@Transactional(readOnly = true)
	public SurveyReport publishedReport(long surveyId, String ccgCode) {
		if (publishedAt(surveyId, ccgCode).isEmpty()) {
			throw new NoSuchElementException("No published report of survey " + surveyId + " for " + ccgCode);
		}
		// The same figures, with the same anonymity threshold, as those who may see it privately read.
		return build(surveyId, ccgCode);
	}

	/** Whether the signed-in user may publish the CCG's reports: the CCG itself or NHS England. */
	public boolean canPublish(String ccgCode) {
		return access.currentUser().map(user -> publishes(user, ccgCode)).orElse(false);
	}

	private static boolean publishes(CurrentUser user, String ccgCode) {
		return user.isNational() || ccgCode.equals(user.organisationCode());
	}

	/**
	 * Publishes the CCG's report for the survey: the CCG itself or NHS England, once its stakeholders were invited.
	 * Publishing again changes nothing. Audited ({@link SurveyReportPublished}).
	 */
	@Transactional
	public void publish(long surveyId, String ccgCode) {
		if (!ActingAs.isSystem() && !publishes(access.requireUser(), ccgCode)) {
			throw new AccessDeniedException("Only the CCG itself and NHS England publish its 360 survey report");
		}
		if (!jdbc.sql("select exists (select 1 from authorisation_survey_invitation where survey_id = ? and ccg_code = ?)")
			.params(surveyId, ccgCode)
			.query(Boolean.class)
			.single()) {
			throw new NoSuchElementException("No report of survey " + surveyId + " for " + ccgCode);
		}
		String by = ActingAs.isSystem() ? "system" : access.requireUser().username();
		int inserted = jdbc.sql("insert into authorisation_survey_report_publication (survey_id, ccg_code, published_at,"
				+ " published_by) values (?, ?, ?, ?) on conflict do nothing")
			.params(surveyId, ccgCode, java.sql.Timestamp.from(Instant.now(clock)), by)
			.update();
		if (inserted == 1) {
			events.publishEvent(new SurveyReportPublished(surveyId, ccgCode));
		}
	}

	/** The CCG's report for one survey. */
	@Transactional(readOnly = true)
	public SurveyReport report(long surveyId, String ccgCode) {
		access.checkCanSee(ccgCode);
		return build(surveyId, ccgCode);
	}

	private SurveyReport build(long surveyId, String ccgCode) {
		record Head(String name, Integer year) {
		}
		Head head = jdbc.sql("select name, year from authorisation_survey where id = ?")
			.param(surveyId)
			.query(Head.class)
			.optional()
			.orElseThrow(() -> new java.util.NoSuchElementException("No survey " + surveyId));
		record Counts(int invited, int answered) {
		}
		Counts counts = jdbc.sql("select count(*) as invited, count(used_at) as answered"
				+ " from authorisation_survey_invitation where survey_id = ? and ccg_code = ? and revoked_at is null")
			.params(surveyId, ccgCode)
			.query(Counts.class)
			.single();
		Map<Integer, Integer> domainOf = jdbc
			.sql("select number, domain_number from authorisation_survey_question where survey_id = ?")
			.param(surveyId)
			.query((rs, n) -> Map.entry(rs.getInt("number"), rs.getInt("domain_number")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		List<SurveyReport.QuestionResult> questions = links.resultsOf(surveyId, ccgCode)
			.stream()
			.map(result -> new SurveyReport.QuestionResult(domainOf.get(result.number()), result))
			.toList();
		Map<Integer, String> domainNames = authorisation.framework(Authorisation.FRAMEWORK_2012_13)
			.domains()
			.stream()
			.collect(Collectors.toMap(Framework.Domain::number, Framework.Domain::name));
		List<SurveyReport.Breakdown> domains = pooled(surveyId, ccgCode, "q.domain_number::text")
			.stream()
			.map(row -> breakdown(row, Integer.parseInt(row.key()) + ". "
					+ domainNames.getOrDefault(Integer.parseInt(row.key()), "Domain " + row.key())))
			.toList();
		List<SurveyReport.Breakdown> groups = pooled(surveyId, ccgCode, "i.stakeholder_group")
			.stream()
			.filter(row -> row.key() != null && row.respondents() > 0)
			.map(row -> breakdown(row, groupLabel(row.key())))
			.toList();
		return new SurveyReport(surveyId, head.name(), head.year(), ccgCode, counts.invited(), counts.answered(),
				questions, domains, groups);
	}

	private record Pooled(String key, int respondents, int answers, int agree, int nationalAnswers,
			int nationalAgree) {
	}

	/** Agreement answers pooled by {@code key} (a fixed SQL expression, never user input). */
	private List<Pooled> pooled(long surveyId, String ccgCode, String key) {
		return jdbc.sql("select " + key + " as key,"
				+ """
				  count(distinct a.invitation_id) filter (where i.ccg_code = :ccg) as respondents,
				  count(a.agreement) filter (where i.ccg_code = :ccg) as answers,
				  count(a.agreement) filter (where i.ccg_code = :ccg and a.agreement >= 4) as agree,
				  count(a.agreement) as national_answers,
				  count(a.agreement) filter (where a.agreement >= 4) as national_agree
				from authorisation_survey_question q
				left join (authorisation_survey_answer a
				  join authorisation_survey_invitation i on i.id = a.invitation_id)
				  on a.question_number = q.number and i.survey_id = q.survey_id
				where q.survey_id = :survey and q.scale = 'AGREE_5'
				group by 1 order by 1""")
			.param("ccg", ccgCode)
			.param("survey", surveyId)
			.query(Pooled.class)
			.list();
	}

	private static SurveyReport.Breakdown breakdown(Pooled row, String label) {
		return new SurveyReport.Breakdown(label, row.respondents(), SurveyResult.pooled(0, label, row.respondents(),
				row.answers(), row.agree(), row.nationalAnswers(), row.nationalAgree()));
	}

	/** Invitations keep the group's label; older links may hold its code. */
	private static String groupLabel(String stored) {
		for (StakeholderGroup group : StakeholderGroup.values()) {
			if (group.name().equals(stored)) {
				return group.label();
			}
		}
		return stored;
	}
}

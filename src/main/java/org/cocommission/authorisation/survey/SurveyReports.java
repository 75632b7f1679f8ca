package org.cocommission.authorisation.survey;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cocommission.authorisation.Authorisation;
import org.cocommission.authorisation.Framework;
import org.cocommission.identity.AccessPolicy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A CCG's 360 survey report per survey year: per question, per domain and per stakeholder group, each against the
 * national share, with no breakdown under the anonymity threshold. For the CCG, its area team and NHS England
 * (docs/domain-rules.md, "CCG authorisation").
 */
@Service
public class SurveyReports {

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final SurveyLinks links;

	private final Authorisation authorisation;

	SurveyReports(JdbcClient jdbc, AccessPolicy access, SurveyLinks links, Authorisation authorisation) {
		this.jdbc = jdbc;
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

	/** The CCG's report for one survey. */
	@Transactional(readOnly = true)
	public SurveyReport report(long surveyId, String ccgCode) {
		access.checkCanSee(ccgCode);
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
		List<SurveyReport.QuestionResult> questions = links.results(surveyId, ccgCode)
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

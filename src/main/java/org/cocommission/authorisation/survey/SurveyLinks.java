package org.cocommission.authorisation.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 360 survey's one-time links: a random token per stakeholder, stored only as its SHA-256 hash, good once, until it
 * expires or is revoked. A token nobody issued reveals nothing (docs/domain-rules.md, "CCG authorisation").
 */
@Service
public class SurveyLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final Clock clock;

	SurveyLinks(JdbcClient jdbc, AccessPolicy access, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.clock = clock;
	}

	/** Issues a link for one stakeholder of a CCG; returns the token, which is not stored and cannot be had again. */
	@Transactional
	public String issue(long surveyId, String ccgCode, String stakeholderGroup, Duration validFor) {
		requireNationalOrSystem();
		return insertLink(surveyId, ccgCode, stakeholderGroup, null, validFor);
	}

	/** Inserts a link's hash, for {@link #issue} and for invitations to a listed stakeholder; returns the token. */
	String insertLink(long surveyId, String ccgCode, String stakeholderGroup, Long stakeholderId, Duration validFor) {
		String token = newToken();
		Instant now = Instant.now(clock);
		jdbc.sql("insert into authorisation_survey_invitation (survey_id, ccg_code, stakeholder_group, token_sha256,"
				+ " expires_at, stakeholder_id, invited_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(surveyId, ccgCode, stakeholderGroup, sha256(token), java.sql.Timestamp.from(now.plus(validFor)),
					stakeholderId, java.sql.Timestamp.from(now))
			.update();
		return token;
	}

	/** A new random token: 32 bytes, URL-safe. */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Revokes a link, by its token (the first link or the reminder's: both are the same invitation's); a link already used stays used. */
	@Transactional
	public void revoke(String token) {
		requireNationalOrSystem();
		String hash = sha256(token);
		jdbc.sql("update authorisation_survey_invitation set revoked_at = ? where (token_sha256 = ?"
				+ " or reminder_token_sha256 = ?) and used_at is null")
			.params(java.sql.Timestamp.from(Instant.now(clock)), hash, hash)
			.update();
	}

	/** What the link opens (the first link or the reminder's); empty for a token nobody issued. */
	@Transactional(readOnly = true)
	public Optional<SurveyLink> open(String token) {
		record Row(long id, long surveyId, String ccgCode, Instant expiresAt, Instant usedAt, Instant revokedAt) {
		}
		return jdbc.sql("select id, survey_id, ccg_code, expires_at, used_at, revoked_at"
				+ " from authorisation_survey_invitation where token_sha256 = ? or reminder_token_sha256 = ?")
			.params(sha256(token), sha256(token))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("survey_id"), rs.getString("ccg_code"),
					rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("used_at")),
					instant(rs.getTimestamp("revoked_at"))))
			.optional()
			.map(row -> {
				if (row.usedAt() != null) {
					return SurveyLink.closed(SurveyLink.Status.USED);
				}
				if (row.revokedAt() != null) {
					return SurveyLink.closed(SurveyLink.Status.REVOKED);
				}
				if (!Instant.now(clock).isBefore(row.expiresAt())) {
					return SurveyLink.closed(SurveyLink.Status.EXPIRED);
				}
				String name = jdbc.sql("select name from authorisation_survey where id = ?")
					.param(row.surveyId())
					.query(String.class)
					.single();
				List<SurveyLink.Question> questions = jdbc
					.sql("select number, domain_number, text, scale from authorisation_survey_question"
							+ " where survey_id = ? order by number")
					.param(row.surveyId())
					.query(SurveyLink.Question.class)
					.list();
				return new SurveyLink(SurveyLink.Status.OPEN, row.id(), name, row.ccgCode(), questions);
			});
	}

	/** Saves answers to agreement questions only, in question order: for a questionnaire without free text. */
	@Transactional
	public SurveyLink.Status answer(String token, List<Integer> agreement) {
		return answer(token, new SurveyAnswerForm(agreement, List.of()));
	}

	/**
	 * Saves a stakeholder's answers and uses the link up: every agreement question needs 1 to 5, free text is
	 * optional (up to 2,000 characters). The update that marks the link used is the guard, so two submissions cannot
	 * both count. Answers are what the link's status was: OPEN when they were saved.
	 */
	@Transactional
	public SurveyLink.Status answer(String token, SurveyAnswerForm answers) {
		SurveyLink link = open(token).orElseThrow(() -> new java.util.NoSuchElementException("No such survey link"));
		if (link.status() != SurveyLink.Status.OPEN) {
			return link.status();
		}
		List<Integer> unanswered = new java.util.ArrayList<>();
		List<Integer> tooLong = new java.util.ArrayList<>();
		for (int index = 0; index < link.questions().size(); index++) {
			SurveyLink.Question question = link.questions().get(index);
			if (question.scale() == QuestionScale.AGREE_5) {
				Integer agreement = answers.agreementAt(index);
				if (agreement == null || agreement < 1 || agreement > 5) {
					unanswered.add(index + 1);
				}
			}
			else if (answers.commentAt(index) != null && answers.commentAt(index).length() > 2000) {
				tooLong.add(index + 1);
			}
		}
		java.util.Map<String, String> problems = new java.util.LinkedHashMap<>();
		if (!unanswered.isEmpty()) {
			problems.put("agreement", (unanswered.size() == 1 ? "Answer question " : "Answer questions ")
					+ listed(unanswered));
		}
		if (!tooLong.isEmpty()) {
			problems.put("comment", "Keep your answer to 2,000 characters or fewer (question " + listed(tooLong) + ")");
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		int marked = jdbc.sql("update authorisation_survey_invitation set used_at = ? where id = ? and used_at is null"
				+ " and revoked_at is null")
			.params(java.sql.Timestamp.from(Instant.now(clock)), link.invitationId())
			.update();
		if (marked == 0) {
			return SurveyLink.Status.USED;
		}
		for (int index = 0; index < link.questions().size(); index++) {
			SurveyLink.Question question = link.questions().get(index);
			Integer agreement = question.scale() == QuestionScale.AGREE_5 ? answers.agreementAt(index) : null;
			String text = question.scale() == QuestionScale.FREE_TEXT ? answers.commentAt(index) : null;
			if (agreement != null || text != null) {
				jdbc.sql("insert into authorisation_survey_answer (invitation_id, question_number, agreement, text)"
						+ " values (?, ?, ?, ?)")
					.params(link.invitationId(), question.number(), agreement, text)
					.update();
			}
		}
		return SurveyLink.Status.OPEN;
	}

	private static String listed(List<Integer> numbers) {
		if (numbers.size() == 1) {
			return numbers.get(0).toString();
		}
		return numbers.subList(0, numbers.size() - 1)
			.stream()
			.map(String::valueOf)
			.collect(java.util.stream.Collectors.joining(", ")) + " and " + numbers.get(numbers.size() - 1);
	}

	/**
	 * A survey's results for one CCG, per question: for the CCG, its area team and NHS England. A stakeholder agrees
	 * when they answer 4 or 5 of 5.
	 */
	@Transactional(readOnly = true)
	public List<SurveyResult> results(long surveyId, String ccgCode) {
		access.checkCanSee(ccgCode);
		return resultsOf(surveyId, ccgCode);
	}

	/** The results, for whoever was allowed them already (a published report is anyone's). */
	List<SurveyResult> resultsOf(long surveyId, String ccgCode) {
		return jdbc.sql("""
				select q.number, q.text,
				  count(a.agreement) filter (where i.ccg_code = :ccg) as responses,
				  count(a.agreement) filter (where i.ccg_code = :ccg and a.agreement >= 4) as agree,
				  count(a.agreement) as national_responses,
				  count(a.agreement) filter (where a.agreement >= 4) as national_agree
				from authorisation_survey_question q
				left join (authorisation_survey_answer a
				  join authorisation_survey_invitation i on i.id = a.invitation_id)
				  on a.question_number = q.number and i.survey_id = q.survey_id
				where q.survey_id = :survey and q.scale = 'AGREE_5'
				group by q.number, q.text order by q.number""")
			.param("ccg", ccgCode)
			.param("survey", surveyId)
			.query((rs, n) -> SurveyResult.of(rs.getInt("number"), rs.getString("text"), rs.getInt("responses"),
					rs.getInt("agree"), rs.getInt("national_responses"), rs.getInt("national_agree")))
			.list();
	}

	/** A survey with its Likert questions, for the national team (or the demo). */
	@Transactional
	public long createSurvey(String name, List<SurveyLink.Question> questions) {
		return createSurvey(name, null, questions);
	}

	/** A survey of the given year with its questions, for the national team (or the demo). */
	@Transactional
	public long createSurvey(String name, Integer year, List<SurveyLink.Question> questions) {
		requireNationalOrSystem();
		long id = jdbc.sql("insert into authorisation_survey (name, year) values (?, ?) returning id")
			.params(name, year)
			.query(Long.class)
			.single();
		for (SurveyLink.Question question : questions) {
			jdbc.sql("insert into authorisation_survey_question (survey_id, number, domain_number, text, scale)"
					+ " values (?, ?, ?, ?, ?)")
				.params(id, question.number(), question.domainNumber(), question.text(), question.scale().name())
				.update();
		}
		return id;
	}

	private void requireNationalOrSystem() {
		if (!ActingAs.isSystem()) {
			access.checkNational();
		}
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	public static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

package org.cocommission.authorisation.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.cocommission.notification.OutboxLinks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes a survey link when its invitation or reminder e-mail is sent: the outbox holds only the hash of the link's
 * current token (never given to anyone), which is replaced by the hash of a new token whose link goes into the e-mail
 * sent. An invitation answered, withdrawn or expired before its e-mail leaves gets no link, and the e-mail is not sent
 * (docs/domain-rules.md, "CCG authorisation", "Survey links in e-mails").
 */
@Component
class SurveyOutboxLinks implements OutboxLinks {

	static final String KIND = "survey";

	private final JdbcClient jdbc;

	private final Clock clock;

	SurveyOutboxLinks(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Optional<Link> make(String reference) {
		String token = SurveyLinks.newToken();
		String hash = SurveyLinks.sha256(token);
		// The reference is the first link's hash or the reminder's; whichever it is is replaced.
		int replaced = jdbc.sql("""
				update authorisation_survey_invitation
				set token_sha256 = case when token_sha256 = :reference then :hash else token_sha256 end,
				  reminder_token_sha256 = case when reminder_token_sha256 = :reference then :hash
				    else reminder_token_sha256 end
				where (token_sha256 = :reference or reminder_token_sha256 = :reference)
				  and used_at is null and revoked_at is null and expires_at > :now""")
			.param("reference", reference)
			.param("hash", hash)
			.param("now", java.sql.Timestamp.from(Instant.now(clock)))
			.update();
		return replaced == 1 ? Optional.of(new Link("/survey/" + token, hash)) : Optional.empty();
	}
}

package org.cocommission.authorisation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cocommission.notification.OutboxSender;
import org.cocommission.notification.RecordingMailSender;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.SimpleMailMessage;

/**
 * A mail server stand-in for the authorisation tests: keeps what the outbox sends, so that a test reads a survey link
 * where a stakeholder would, in the e-mail sent (the outbox never holds one).
 */
public class SentEmails extends RecordingMailSender {

	private static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");

	/** Sends the outbox now, then the token in the last e-mail sent to the recipient whose subject starts so. */
	public String token(OutboxSender outbox, String recipient, String subjectStart) {
		outbox.sendDue();
		List<SimpleMailMessage> theirs = sentTo(recipient).stream()
			.filter(message -> message.getSubject().startsWith(subjectStart))
			.toList();
		if (theirs.isEmpty()) {
			throw new AssertionError("No e-mail sent to " + recipient + " about " + subjectStart);
		}
		String text = theirs.get(theirs.size() - 1).getText();
		Matcher matcher = LINK.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No survey link in " + text);
		}
		return matcher.group(1);
	}

	/** Sends the outbox now, then the token in the last e-mail sent to the recipient. */
	public String token(OutboxSender outbox, String recipient) {
		return token(outbox, recipient, "");
	}

	/** Registers the recorder as the application's mail sender, as if spring.mail.host were set. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		SentEmails sentEmails() {
			return new SentEmails();
		}
	}
}

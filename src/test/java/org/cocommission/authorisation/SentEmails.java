package org.cocommission.authorisation;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.cocommission.notification.OutboxSender;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A mail server stand-in for the authorisation tests: keeps what the outbox sends, so that a test reads a survey link
 * where a stakeholder would, in the e-mail sent (the outbox never holds one).
 */
public class SentEmails implements JavaMailSender {

	private static final Pattern LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");

	private final List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();

	/** Sends the outbox now, then the token in the last e-mail sent to the recipient whose subject starts so. */
	public String token(OutboxSender outbox, String recipient, String subjectStart) {
		outbox.sendDue();
		List<SimpleMailMessage> theirs = sent.stream()
			.filter(message -> List.of(message.getTo()).contains(recipient)
					&& message.getSubject().startsWith(subjectStart))
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

	/** The e-mails sent to the recipient, oldest first. */
	public List<SimpleMailMessage> sentTo(String recipient) {
		return sent.stream().filter(message -> List.of(message.getTo()).contains(recipient)).toList();
	}

	@Override
	public void send(SimpleMailMessage... messages) {
		sent.addAll(List.of(messages));
	}

	@Override
	public MimeMessage createMimeMessage() {
		return new MimeMessage((Session) null);
	}

	@Override
	public MimeMessage createMimeMessage(InputStream contentStream) {
		throw new UnsupportedOperationException("The outbox sends plain-text messages only");
	}

	@Override
	public void send(MimeMessage... mimeMessages) {
		throw new UnsupportedOperationException("The outbox sends plain-text messages only");
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

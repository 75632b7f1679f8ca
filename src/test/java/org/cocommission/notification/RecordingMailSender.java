package org.cocommission.notification;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * A mail server stand-in: keeps what it is asked to send, or fails on demand like an unreachable server. Public for
 * the modules whose tests read what the outbox sent (authorisation's {@code SentEmails}).
 */
public class RecordingMailSender implements JavaMailSender {

	private final List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();

	private volatile String failure;

	/** The e-mails sent to the recipient, oldest first. */
	public List<SimpleMailMessage> sentTo(String recipient) {
		return sent.stream().filter(message -> List.of(message.getTo()).contains(recipient)).toList();
	}

	void failWith(String message) {
		failure = message;
	}

	void reset() {
		sent.clear();
		failure = null;
	}

	@Override
	public void send(SimpleMailMessage... messages) {
		if (failure != null) {
			throw new MailSendException(failure);
		}
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
	static class Configuration {

		@Bean
		RecordingMailSender recordingMailSender() {
			return new RecordingMailSender();
		}
	}
}

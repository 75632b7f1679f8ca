package org.cocommission.notification;

import java.util.List;
import java.util.NoSuchElementException;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.PageOf;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way any capability tells people something: an in-app notice, and an e-mail queued in the outbox in the
 * caller's transaction (so it is sent only if the change commits, and exactly once).
 * <p>
 * Reading a notice is not audited: it changes nothing but the reader's own inbox.
 */
@Service
public class Notifications {

	/**
	 * Where a one-time link goes in an e-mail queued with {@link #emailWithLink}: the outbox keeps these words, and the
	 * link replaces them only in the e-mail sent.
	 */
	public static final String LINK = "[one-time link, made when the e-mail is sent]";

	/** The longest page of notices or e-mails one request may ask for. */
	public static final int MAX_PAGE_SIZE = 200;

	private static final String NOTICE_COLUMNS = "id, title, body, link, created_at, read_at";

	private static final String OUTBOX_COLUMNS = "id, recipient, subject, body, created_at, status, attempts,"
			+ " next_attempt_at, last_error, sent_at";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final String baseUrl;

	Notifications(JdbcClient jdbc, AccessPolicy policy,
			@Value("${cocommission.base-url:http://localhost:8080}") String baseUrl) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.baseUrl = withoutTrailingSlash(baseUrl);
	}

	/** Where links in e-mails point: the {@code cocommission.base-url} setting, without a trailing slash. */
	public String baseUrl() {
		return baseUrl;
	}

	/** A page's path as a link that works from a mail client, such as {@code http://localhost:8080/outcomes}. */
	public String absolute(String path) {
		return baseUrl + path;
	}

	private static String withoutTrailingSlash(String url) {
		String trimmed = url == null ? "" : url.trim();
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

	public void notice(String username, String title, String body, String link) {
		jdbc.sql("insert into notification_notice (recipient, title, body, link) values (?, ?, ?, ?)")
			.params(username, title, body, link)
			.update();
	}

	/**
	 * Queues an e-mail. A message with a deduplication key already queued is not queued again, so a job that
	 * re-runs after a crash cannot send the same reminder twice.
	 */
	public boolean email(String recipient, String subject, String body, String deduplicationKey) {
		return jdbc.sql("insert into notification_email_outbox (deduplication_key, recipient, subject, body)"
				+ " values (?, ?, ?, ?) on conflict (deduplication_key) do nothing")
			.params(deduplicationKey, recipient, subject, body)
			.update() == 1;
	}

	/**
	 * Queues an e-mail whose one-time link is made only when it is sent, by the {@link OutboxLinks} bean of the kind
	 * given, so that the outbox (which NHS England's users read) never holds a usable link. The body carries
	 * {@link #LINK} where the link goes.
	 */
	public boolean emailWithLink(String recipient, String subject, String body, String deduplicationKey,
			String linkKind, String linkReference) {
		if (!body.contains(LINK)) {
			throw new IllegalArgumentException("The body has no place for the link");
		}
		return jdbc.sql("insert into notification_email_outbox (deduplication_key, recipient, subject, body, link_kind,"
				+ " link_reference) values (?, ?, ?, ?, ?, ?) on conflict (deduplication_key) do nothing")
			.params(deduplicationKey, recipient, subject, body, linkKind, linkReference)
			.update() == 1;
	}

	/** The person's notices, newest first. */
	@Transactional(readOnly = true)
	public PageOf<Notice> notices(String username, int page, int size) {
		PageOf.check(page, size, MAX_PAGE_SIZE);
		long total = jdbc.sql("select count(*) from notification_notice where recipient = ?")
			.param(username)
			.query(Long.class)
			.single();
		List<Notice> notices = jdbc
			.sql("select " + NOTICE_COLUMNS + " from notification_notice where recipient = ?"
					+ " order by created_at desc, id desc limit ? offset ?")
			.params(username, size, (long) page * size)
			.query(Notice.class)
			.list();
		return new PageOf<>(notices, page, size, total);
	}

	public long unreadCount(String username) {
		return jdbc.sql("select count(*) from notification_notice where recipient = ? and read_at is null")
			.param(username)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks one of the person's own notices read; marking it again changes nothing. Someone else's notice is
	 * "not found", so that nobody can learn which notice ids exist.
	 */
	@Transactional
	public void markRead(String username, long noticeId) {
		int updated = jdbc.sql("update notification_notice set read_at = coalesce(read_at, now())"
				+ " where id = ? and recipient = ?")
			.params(noticeId, username)
			.update();
		if (updated == 0) {
			throw new NoSuchElementException("You have no notice " + noticeId);
		}
	}

	/** Marks every unread notice of the person read, and says how many that was. */
	@Transactional
	public int markAllRead(String username) {
		return jdbc.sql("update notification_notice set read_at = now() where recipient = ? and read_at is null")
			.param(username)
			.update();
	}

	/** The outbox, newest first, optionally of one status. NHS England users only. */
	@Transactional(readOnly = true)
	public PageOf<OutboxEmail> outbox(OutboxStatus status, int page, int size) {
		policy.checkNational();
		PageOf.check(page, size, MAX_PAGE_SIZE);
		String where = status == null ? "" : " where status = :status";
		String statusName = status == null ? null : status.name();
		long total = jdbc.sql("select count(*) from notification_email_outbox" + where)
			.param("status", statusName)
			.query(Long.class)
			.single();
		List<OutboxEmail> emails = jdbc
			.sql("select " + OUTBOX_COLUMNS + " from notification_email_outbox" + where
					+ " order by created_at desc, id desc limit :limit offset :offset")
			.param("status", statusName)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query(OutboxEmail.class)
			.list();
		return new PageOf<>(emails, page, size, total);
	}

}

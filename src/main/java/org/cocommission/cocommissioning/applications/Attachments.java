package org.cocommission.cocommissioning.applications;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.cocommission.audit.AuditEntry;
import org.cocommission.audit.AuditTrail;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supporting documents, kept in the database: PDF, Word (DOCX) and Excel (XLSX) only, recognised by their content
 * (a PDF header; an Office Open XML package with a word/ or xl/ part), not by their name alone, and no larger than
 * the configurable limit (10 MB by default).
 */
@Service
@Transactional
public class Attachments {

	/** A file type we accept, with the extension its name must have. */
	enum Kind {

		PDF("pdf", "application/pdf"),
		DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
		XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		final String extension;

		final String contentType;

		Kind(String extension, String contentType) {
			this.extension = extension;
			this.contentType = contentType;
		}
	}

	public record Download(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final Applications applications;

	private final ApplicationStore store;

	private final Rounds rounds;

	private final AccessPolicy policy;

	private final AuditTrail audit;

	Attachments(JdbcClient jdbc, Applications applications, ApplicationStore store, Rounds rounds, AccessPolicy policy,
			AuditTrail audit) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.store = store;
		this.rounds = rounds;
		this.policy = policy;
		this.audit = audit;
	}

	/** Stores a document against the application; answers the application's new version. */
	public int attach(long applicationId, String fileName, byte[] content, int version) {
		ApplicationState state = applications.editable(applicationId);
		String name = fileName == null ? "" : fileName.replaceAll("[\\\\/]", "_").trim();
		if (name.isEmpty() || content == null || content.length == 0) {
			throw new InvalidInputException("file", "Choose a file to attach");
		}
		long limit = rounds.maxAttachmentBytes();
		if (content.length > limit) {
			throw new InvalidInputException("file", name + " is " + megabytes(content.length) + "; attachments may be at most "
					+ megabytes(limit));
		}
		Kind kind = detect(content).orElseThrow(() -> new IllegalArgumentException(
				name + " is not a PDF, Word (.docx) or Excel (.xlsx) document"));
		if (!name.toLowerCase(Locale.ROOT).endsWith("." + kind.extension)) {
			throw new InvalidInputException("file",
					name + " holds a " + kind.name() + " document but is not named ." + kind.extension);
		}
		store.bump(applicationId, version);
		long id = jdbc.sql("insert into cocommissioning_attachment (application_id, file_name, content_type, size_bytes,"
				+ " content, uploaded_by) values (?, ?, ?, ?, ?, ?) returning id")
			.params(applicationId, name, kind.contentType, content.length, content, policy.requireUser().username())
			.query(Long.class)
			.single();
		audit.record(new AuditEntry("COCOMMISSIONING_ATTACHMENT_ADDED", "COCOMMISSIONING_APPLICATION",
				String.valueOf(applicationId), state.ccgCode(), null,
				new Attached(id, name, content.length)));
		return version + 1;
	}

	/** Removes an attachment while the application can still be changed (before submission, or when sent back). */
	public int remove(long applicationId, long attachmentId, int version) {
		ApplicationState state = applications.editable(applicationId);
		String name = jdbc.sql("select file_name from cocommissioning_attachment where id = ? and application_id = ?")
			.params(attachmentId, applicationId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("The application has no attachment " + attachmentId));
		store.bump(applicationId, version);
		jdbc.sql("delete from cocommissioning_attachment where id = ?").param(attachmentId).update();
		audit.record(new AuditEntry("COCOMMISSIONING_ATTACHMENT_REMOVED", "COCOMMISSIONING_APPLICATION",
				String.valueOf(applicationId), state.ccgCode(), new Removed(attachmentId, name), null));
		return version + 1;
	}

	/** The audit trail's record of an attachment added: its id, file name and size in bytes. */
	record Attached(long attachment, String fileName, int bytes) {
	}

	/** The audit trail's record of an attachment removed, as it was: its id and file name. */
	record Removed(long attachment, String fileName) {
	}

	@Transactional(readOnly = true)
	public Download download(long applicationId, long attachmentId) {
		policy.checkCanSee(store.state(applicationId).ccgCode());
		return jdbc.sql("select file_name, content_type, content from cocommissioning_attachment"
				+ " where id = ? and application_id = ?")
			.params(attachmentId, applicationId)
			.query(Download.class)
			.optional()
			.orElseThrow(() -> new NoSuchElementException("The application has no attachment " + attachmentId));
	}

	/** What the content is, from its first bytes and, for Office documents, the parts of the package. */
	static Optional<Kind> detect(byte[] content) {
		if (startsWith(content, "%PDF-".getBytes())) {
			return Optional.of(Kind.PDF);
		}
		if (!startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			return Optional.empty();
		}
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			boolean contentTypes = false;
			Kind kind = null;
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				String entryName = entry.getName();
				contentTypes |= entryName.equals("[Content_Types].xml");
				if (entryName.startsWith("word/")) {
					kind = Kind.DOCX;
				}
				else if (entryName.startsWith("xl/")) {
					kind = Kind.XLSX;
				}
			}
			return contentTypes ? Optional.ofNullable(kind) : Optional.empty();
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static String megabytes(long bytes) {
		return bytes < 1_048_576 ? String.format(Locale.UK, "%,d bytes", bytes)
				: String.format(Locale.UK, "%.1f MB", bytes / 1_048_576.0);
	}
}

package org.cocommission.outcomes.imports;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.outcomes.ImportError;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImportReport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every import attempt and its progress. Each write commits on its own, outside the import's transaction, so that the
 * upload page can follow a long import and a rejected one is still on record.
 */
@Component
public class OutcomesImportLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final TransactionTemplate separately;

	OutcomesImportLog(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public long begin(ImportFormat format, String fileName, String user) {
		return separately.execute(status -> jdbc.sql("insert into outcomes_import (format, file_name, imported_by,"
				+ " status) values (?, ?, ?, 'RUNNING') returning id")
			.params(format.slug(), fileName, user)
			.query(Long.class)
			.single());
	}

	public void progress(long id, long rowsRead) {
		separately.executeWithoutResult(status -> jdbc.sql("update outcomes_import set rows_read = ? where id = ?")
			.params(rowsRead, id)
			.update());
	}

	public void finish(long id, String outcome, ObservationImportReport report) {
		separately.executeWithoutResult(status -> jdbc.sql("update outcomes_import set status = ?, finished_at = now(),"
				+ " rows_read = ?, stored = ?, errors = cast(? as jsonb), warnings = cast(? as jsonb) where id = ?")
			.params(outcome, report.rowsRead(), report.rejected() ? 0 : report.stored(),
					json.writeValueAsString(report.errors()), json.writeValueAsString(report.warnings()), id)
			.update());
	}

	public void failed(long id, String message) {
		separately.executeWithoutResult(status -> jdbc.sql("update outcomes_import set status = 'FAILED',"
				+ " finished_at = now(), errors = cast(? as jsonb) where id = ?")
			.params(json.writeValueAsString(List.of(new ImportError(0, message))), id)
			.update());
	}

	/**
	 * Marks as failed, with {@code reason}, every import still recorded as running that began before {@code instant}:
	 * for the start-up check of imports a crash or stop interrupted. Returns how many.
	 */
	public int failRunningStartedBefore(Instant instant, String reason) {
		return separately.execute(status -> jdbc.sql("update outcomes_import set status = 'FAILED', finished_at = now(),"
				+ " errors = cast(? as jsonb) where status = 'RUNNING' and started_at < ?")
			.params(json.writeValueAsString(List.of(new ImportError(0, reason))), Timestamp.from(instant))
			.update());
	}

	public Optional<ImportStatus> find(long id) {
		return jdbc.sql("select * from outcomes_import where id = ?").param(id).query(this::status).optional();
	}

	public List<ImportStatus> recent(int limit) {
		return jdbc.sql("select * from outcomes_import order by id desc limit ?").param(limit).query(this::status).list();
	}

	/** A mapper of its own: the errors are a JSON column. */
	private ImportStatus status(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		List<ImportError> errors = json.readValue(rs.getString("errors"), new TypeReference<List<ImportError>>() {
		});
		List<ImportError> warnings = json.readValue(rs.getString("warnings"), new TypeReference<List<ImportError>>() {
		});
		return new ImportStatus(rs.getLong("id"), rs.getString("format"), rs.getString("file_name"),
				rs.getString("imported_by"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), rs.getString("status"), rs.getLong("rows_read"),
				rs.getLong("stored"), errors, warnings);
	}
}

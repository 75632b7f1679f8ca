package org.cocommission.outcomes.imports;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.cocommission.outcomes.ImportError;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImportReport;

import org.springframework.jdbc.core.JdbcTemplate;
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

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final TransactionTemplate separately;

	OutcomesImportLog(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public long begin(ImportFormat format, String fileName, String user) {
		return separately.execute(status -> jdbc.queryForObject("insert into outcomes_import (format, file_name,"
				+ " imported_by, status) values (?, ?, ?, 'RUNNING') returning id", Long.class, format.slug(), fileName, user));
	}

	public void progress(long id, long rowsRead) {
		separately.executeWithoutResult(status -> jdbc.update("update outcomes_import set rows_read = ? where id = ?",
				rowsRead, id));
	}

	public void finish(long id, String outcome, ObservationImportReport report) {
		separately.executeWithoutResult(status -> jdbc.update("update outcomes_import set status = ?, finished_at = now(),"
				+ " rows_read = ?, stored = ?, errors = cast(? as jsonb) where id = ?", outcome, report.rowsRead(),
				report.rejected() ? 0 : report.stored(), json.writeValueAsString(report.errors()), id));
	}

	public void failed(long id, String message) {
		separately.executeWithoutResult(status -> jdbc.update("update outcomes_import set status = 'FAILED',"
				+ " finished_at = now(), errors = cast(? as jsonb) where id = ?",
				json.writeValueAsString(List.of(new ImportError(0, message))), id));
	}

	public Optional<ImportStatus> find(long id) {
		return jdbc.query("select * from outcomes_import where id = ?", (rs, row) -> status(rs), id).stream().findFirst();
	}

	public List<ImportStatus> recent(int limit) {
		return jdbc.query("select * from outcomes_import order by id desc limit ?", (rs, row) -> status(rs), limit);
	}

	private ImportStatus status(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		List<ImportError> errors = json.readValue(rs.getString("errors"), new TypeReference<List<ImportError>>() {
		});
		return new ImportStatus(rs.getLong("id"), rs.getString("format"), rs.getString("file_name"),
				rs.getString("imported_by"), rs.getTimestamp("started_at").toInstant(),
				finished == null ? null : finished.toInstant(), rs.getString("status"), rs.getLong("rows_read"),
				rs.getLong("stored"), errors);
	}
}

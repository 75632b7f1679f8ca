package org.cocommission.directory.imports;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.cocommission.directory.ImportRecord;
import org.cocommission.directory.ImportReport;
import org.cocommission.directory.RowMessage;

/** The record of every import attempt, committed or rejected. */
@Component
public class ImportLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public long begin(String kind, String fileName, String sha256, String importedBy, Instant startedAt) {
		return jdbc.sql("insert into directory_import (kind, file_name, sha256, imported_by, started_at, finished_at,"
				+ " outcome, rows_read, created, updated, unchanged, warnings, errors)"
				+ " values (?, ?, ?, ?, ?, ?, 'COMMITTED', 0, 0, 0, 0, '[]', '[]') returning id")
			.params(kind, fileName, sha256, importedBy, java.sql.Timestamp.from(startedAt),
					java.sql.Timestamp.from(startedAt))
			.query(Long.class)
			.single();
	}

	public void finish(long id, ImportReport report, Instant finishedAt) {
		jdbc.sql("update directory_import set finished_at = ?, outcome = ?, rows_read = ?, created = ?, updated = ?,"
				+ " unchanged = ?, warnings = cast(? as jsonb), errors = cast(? as jsonb) where id = ?")
			.params(java.sql.Timestamp.from(finishedAt), report.rejected() ? "REJECTED" : "COMMITTED", report.rowsRead(),
					report.created(), report.updated(), report.unchanged(), json.writeValueAsString(cap(report.warnings())),
					json.writeValueAsString(cap(report.errors())), id)
			.update();
	}

	public List<ImportRecord> recent(int limit) {
		return jdbc.sql("select id, kind, file_name, imported_by, started_at, finished_at, outcome, rows_read, created,"
				+ " updated, unchanged, jsonb_array_length(warnings) as warnings, jsonb_array_length(errors) as errors"
				+ " from directory_import order by id desc limit ?")
			.param(limit)
			.query(ImportRecord.class)
			.list();
	}

	/** Keeps the stored report to a readable size; the full report goes back to whoever imported. */
	private static List<RowMessage> cap(List<RowMessage> messages) {
		return messages.size() > 1000 ? messages.subList(0, 1000) : messages;
	}
}

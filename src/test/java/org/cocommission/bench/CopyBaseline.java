package org.cocommission.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the import benches measure an import against: a bare PostgreSQL {@code COPY} of the same CSV into an
 * unindexed table of text columns, the least any import of it could cost.
 */
public final class CopyBaseline {

	private CopyBaseline() {
	}

	/** Copies {@code csv} into {@code table} (made anew, {@code columns} text columns). */
	public static void copyIntoScratch(DataSource dataSource, JdbcClient jdbc, String table, String csv, int columns) {
		copyIntoScratch(dataSource, jdbc, table, csv.getBytes(StandardCharsets.UTF_8), columns);
	}

	/** Copies the CSV {@code rows}, in UTF-8, into {@code table} (made anew, {@code columns} text columns). */
	public static void copyIntoScratch(DataSource dataSource, JdbcClient jdbc, String table, byte[] rows, int columns) {
		var definition = new StringBuilder();
		for (int column = 1; column <= columns; column++) {
			definition.append(column == 1 ? "" : ", ").append("c").append(column).append(" text");
		}
		jdbc.sql("drop table if exists " + table).update();
		jdbc.sql("create table " + table + " (" + definition + ")").update();
		try (Connection connection = dataSource.getConnection()) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + table + " from stdin (format csv)", new ByteArrayInputStream(rows));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** How long {@code work} took. */
	public static Duration time(Runnable work) {
		long start = System.nanoTime();
		work.run();
		return Duration.ofNanos(System.nanoTime() - start);
	}
}

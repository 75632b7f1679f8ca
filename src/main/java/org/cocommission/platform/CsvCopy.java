package org.cocommission.platform;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows written as CSV and stored by one {@code COPY ... from stdin (format csv)} on the caller's transaction's
 * connection: raw JDBC, the one thing JdbcClient cannot do, for the bulk writes a batch would make a statement a row.
 */
public final class CsvCopy {

	private CsvCopy() {
	}

	/**
	 * Runs {@code sql}, a {@code COPY ... from stdin (format csv)}, with {@code csv} as its rows.
	 * @throws IllegalStateException saying {@code failure}, when the database refuses them
	 */
	public static void copy(DataSource dataSource, String sql, CharSequence csv, String failure) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException(failure, ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Runs {@code sql}, a {@code COPY ... from stdin (format csv)}, with {@code rows} as its rows: texts as
	 * {@linkplain #field fields}, null as null, anything else (numbers, dates) as its {@code toString}; nothing for no
	 * rows.
	 * @throws IllegalStateException saying {@code failure}, when the database refuses them
	 */
	public static void copyRows(DataSource dataSource, String sql, List<Object[]> rows, String failure) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder csv = new StringBuilder(rows.size() * 120);
		for (Object[] row : rows) {
			for (int index = 0; index < row.length; index++) {
				if (index > 0) {
					csv.append(',');
				}
				Object value = row[index];
				csv.append(value instanceof String text ? field(text) : value == null ? "" : value.toString());
			}
			csv.append('\n');
		}
		copy(dataSource, sql, csv, failure);
	}

	/** A CSV field as COPY reads it back whatever it holds; null stays null (COPY's CSV null, an empty field). */
	public static String field(String text) {
		return text == null ? "" : '"' + text.replace("\"", "\"\"") + '"';
	}
}

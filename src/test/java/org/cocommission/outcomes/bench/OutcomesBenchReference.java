package org.cocommission.outcomes.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.postgresql.PGConnection;


import org.springframework.core.io.ClassPathResource;

/**
 * Runs the reference SQL script (bench/outcomes-reference.sql) step by step on one connection: its schema, the long
 * CSV loaded with COPY, the index and ANALYZE, then the timed computation of every level, which leaves its results in
 * {@code bench_ref_value} for the equality check.
 */
final class OutcomesBenchReference {

	static final String SCRIPT = "bench/outcomes-reference.sql";

	private static final String STEP = "-- step: ";

	private final Map<String, String> steps;

	OutcomesBenchReference() {
		this.steps = steps(read());
	}

	/** Creates the table and functions, loads the file and indexes it; returns the nanoseconds of the computation. */
	long run(Connection connection, Path csv) throws SQLException {
		execute(connection, step("schema"));
		try (InputStream content = Files.newInputStream(csv)) {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy bench_ref_observation (org_code, indicator_id, period, numerator, denominator) from stdin"
						+ " (format csv, header)", content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		execute(connection, step("index"));
		long started = System.nanoTime();
		execute(connection, step("compute"));
		return System.nanoTime() - started;
	}

	String step(String name) {
		String sql = steps.get(name);
		if (sql == null) {
			throw new IllegalStateException(SCRIPT + " has no step '" + name + "'");
		}
		return sql;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** The script cut at its {@code -- step: name} lines; text before the first step is the header comment. */
	static Map<String, String> steps(String script) {
		Map<String, String> steps = new LinkedHashMap<>();
		String name = null;
		StringBuilder body = new StringBuilder();
		for (String line : script.split("\n", -1)) {
			if (line.startsWith(STEP)) {
				if (name != null) {
					steps.put(name, body.toString());
				}
				name = line.substring(STEP.length()).trim();
				body.setLength(0);
			}
			else if (name != null) {
				body.append(line).append('\n');
			}
		}
		if (name != null) {
			steps.put(name, body.toString());
		}
		return steps;
	}

	private static String read() {
		try {
			return new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + SCRIPT, ex);
		}
	}
}

package org.cocommission.outcomes;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes computed values with COPY, a megabyte at a time. Each flush is a COPY of its own, so the reading cursor on the
 * same connection is never interrupted by an open COPY.
 */
final class ValueWriter {

	private static final int FLUSH_AT = 1 << 20;

	private final CopyManager copy;

	private final StringBuilder values = new StringBuilder(FLUSH_AT + 1024);

	private final StringBuilder deciles = new StringBuilder();

	private long copyNanos;

	ValueWriter(Connection connection) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
	}

	void value(String indicator, String period, String level, ValueComputation.Aggregate aggregate, IndicatorValue value,
			Comparison comparison, Integer decile) {
		values.append(indicator).append('\t').append(period).append('\t').append(level).append('\t')
			.append(aggregate.orgCode()).append('\t').append(aggregate.parentCode() == null ? "\\N" : aggregate.parentCode())
			.append('\t').append(aggregate.numerator()).append('\t').append(aggregate.denominator()).append('\t');
		number(value.value());
		number(value.ci95().lower());
		number(value.ci95().upper());
		number(value.ci998().lower());
		number(value.ci998().upper());
		values.append(comparison.name()).append('\t').append(decile == null ? "\\N" : decile.toString()).append('\n');
		if (values.length() >= FLUSH_AT) {
			flush();
		}
	}

	void decile(String indicator, String period, String level, int organisations, double[] cuts) {
		deciles.append(indicator).append('\t').append(period).append('\t').append(level).append('\t').append(organisations)
			.append('\t').append(Arrays.stream(cuts).mapToObj(Double::toString).collect(Collectors.joining(",", "{", "}")))
			.append('\n');
	}

	private void number(Double number) {
		values.append(number == null || number.isNaN() ? "\\N" : number.toString()).append('\t');
	}

	/** Time spent in COPY so far, for the recompute's timing log. */
	long copyMillis() {
		return copyNanos / 1_000_000;
	}

	void flush() {
		long started = System.nanoTime();
		try {
			if (!values.isEmpty()) {
				copy.copyIn("copy outcomes_value (indicator_id, period, level, org_code, parent_code, numerator, denominator,"
						+ " value, lower95, upper95, lower998, upper998, compared_to_england, decile) from stdin",
						new java.io.ByteArrayInputStream(values.toString().getBytes(StandardCharsets.UTF_8)));
				values.setLength(0);
			}
			if (!deciles.isEmpty()) {
				copy.copyIn("copy outcomes_decile (indicator_id, period, level, organisations, cuts) from stdin",
						new java.io.ByteArrayInputStream(deciles.toString().getBytes(StandardCharsets.UTF_8)));
				deciles.setLength(0);
			}
		}
		catch (SQLException | java.io.IOException ex) {
			throw new IllegalStateException("Could not write outcomes values", ex);
		}
		finally {
			copyNanos += System.nanoTime() - started;
		}
	}
}

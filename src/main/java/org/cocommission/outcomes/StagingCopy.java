package org.cocommission.outcomes;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/**
 * Streams staged rows into PostgreSQL's COPY in text format, a buffer at a time, so that no file is ever held in
 * memory. Values are codes and numbers checked before they are written, so nothing needs escaping but nulls.
 */
final class StagingCopy implements AutoCloseable {

	private static final int FLUSH_AT = 1 << 16;

	private final CopyIn copy;

	private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 256);

	private long rows;

	StagingCopy(CopyIn copy) {
		this.copy = copy;
	}

	void observation(long row, String org, String indicator, String period, double numerator, Double denominator) {
		line(row, org, indicator, period, numerator, denominator, null);
	}

	void attribute(long row, String org, String attribute, double value) {
		line(row, org, null, null, value, null, attribute);
	}

	private void line(long row, String org, String indicator, String period, double numerator, Double denominator,
			String attribute) {
		buffer.append(row).append('\t').append(org).append('\t').append(indicator == null ? "\\N" : indicator)
			.append('\t').append(period == null ? "\\N" : period).append('\t').append(numerator).append('\t')
			.append(denominator == null ? "\\N" : denominator.toString()).append('\t')
			.append(attribute == null ? "\\N" : attribute).append('\n');
		rows++;
		if (buffer.length() >= FLUSH_AT) {
			flush();
		}
	}

	long rows() {
		return rows;
	}

	private void flush() {
		try {
			byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
			copy.writeToCopy(bytes, 0, bytes.length);
			buffer.setLength(0);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage the import", ex);
		}
	}

	/** Ends the COPY and returns the rows PostgreSQL took. */
	long finish() {
		flush();
		try {
			return copy.endCopy();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not stage the import", ex);
		}
	}

	@Override
	public void close() {
		if (copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException ex) {
				// The transaction is being rolled back anyway; the original failure is what matters.
			}
		}
	}
}

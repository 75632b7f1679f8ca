package org.cocommission.outcomes.compute;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import org.cocommission.outcomes.Comparison;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.ValueRow;

/**
 * Writes computed aggregates with binary COPY (numbers as bits: no formatting in Java, no parsing in PostgreSQL) and
 * decile cut points with text COPY. Rows are encoded by {@link Rows}, one per slice on any thread, and sent here on
 * the transaction's connection.
 */
final class ValueWriter {

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private final CopyManager copy;

	private long copyNanos;

	ValueWriter(Connection connection) throws SQLException {
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
	}

	long copyMillis() {
		return copyNanos / 1_000_000;
	}

	/** Writes every slice's encoded values and deciles. */
	void write(List<Rows> slices) {
		long started = System.nanoTime();
		try {
			CopyIn in = copy.copyIn("copy outcomes_value (indicator_id, period, level, org_code, parent_code, numerator,"
					+ " denominator, value, lower95, upper95, lower998, upper998, compared_to_england, decile)"
					+ " from stdin (format binary)");
			try {
				in.writeToCopy(HEADER, 0, HEADER.length);
				for (Rows slice : slices) {
					in.writeToCopy(slice.values, 0, slice.length);
				}
				byte[] trailer = { (byte) 0xff, (byte) 0xff };
				in.writeToCopy(trailer, 0, 2);
				in.endCopy();
			}
			finally {
				if (in.isActive()) {
					in.cancelCopy();
				}
			}
			StringBuilder deciles = new StringBuilder();
			for (Rows slice : slices) {
				deciles.append(slice.deciles);
			}
			if (!deciles.isEmpty()) {
				copy.copyIn("copy outcomes_decile (indicator_id, period, level, organisations, cuts) from stdin",
						new ByteArrayInputStream(deciles.toString().getBytes(StandardCharsets.UTF_8)));
			}
			StringBuilder ranges = new StringBuilder();
			for (Rows slice : slices) {
				ranges.append(slice.ranges);
			}
			if (!ranges.isEmpty()) {
				copy.copyIn("copy outcomes_range (indicator_id, period, level, lowest, highest) from stdin",
						new ByteArrayInputStream(ranges.toString().getBytes(StandardCharsets.UTF_8)));
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not write outcomes values", ex);
		}
		finally {
			copyNanos += System.nanoTime() - started;
		}
	}

	/** One slice's rows of outcomes_value in binary COPY format, and its decile and range rows as text. */
	static final class Rows {

		private byte[] values = new byte[4096];

		private int length;

		private final StringBuilder deciles = new StringBuilder();

		private final StringBuilder ranges = new StringBuilder();

		/** When the rows are kept rather than written (a re-mapped computation): the rows, and the type they are of. */
		private java.util.List<ValueRow> kept;

		private IndicatorType keptType;

		/** Keeps every value as a row too, for a computation that is read rather than stored. */
		Rows keep(IndicatorType type) {
			this.kept = new java.util.ArrayList<>();
			this.keptType = type;
			return this;
		}

		java.util.List<ValueRow> kept() {
			return kept;
		}

		void value(String indicator, String period, String level, String org, String parent, double numerator,
				double denominator, IndicatorValue value, Comparison comparison, Integer decile) {
			if (kept != null) {
				kept.add(new ValueRow(org, null, parent, numerator, denominator, value.value(),
						value.ci95().lower(), value.ci95().upper(), value.ci998().lower(), value.ci998().upper(),
						comparison.name(), decile,
						ValueRow.aboveDenominator(keptType, numerator, denominator)));
				return;
			}
			room(256);
			shortField(14);
			text(indicator);
			text(period);
			text(level);
			text(org);
			text(parent);
			number(numerator);
			number(denominator);
			number(value.value());
			number(value.ci95().lower());
			number(value.ci95().upper());
			number(value.ci998().lower());
			number(value.ci998().upper());
			text(comparison.name());
			if (decile == null) {
				integer(-1);
			}
			else {
				integer(2);
				shortField(decile);
			}
		}

		private final java.util.Map<String, double[]> cuts = new java.util.HashMap<>();

		/** The cut points across CCGs, when the rows are kept. */
		double[] ccgCuts() {
			return cuts.get("CCG");
		}

		/** The cut points across the organisations of a level (CCG, ICB), when the rows are kept. */
		double[] cuts(String level) {
			return cuts.get(level);
		}

		void decile(String indicator, String period, String level, int organisations, double[] cuts) {
			if (kept != null) {
				if (!"PRACTICE".equals(level)) {
					this.cuts.put(level, cuts);
				}
				return;
			}
			deciles.append(indicator).append('\t').append(period).append('\t').append(level).append('\t')
				.append(organisations).append('\t').append('{');
			for (int i = 0; i < cuts.length; i++) {
				deciles.append(i == 0 ? "" : ",").append(cuts[i]);
			}
			deciles.append("}\n");
		}

		void range(String indicator, String period, String level, double lowest, double highest) {
			if (kept != null) {
				return;
			}
			ranges.append(indicator).append('\t').append(period).append('\t').append(level).append('\t').append(lowest)
				.append('\t').append(highest).append('\n');
		}

		private void room(int bytes) {
			if (length + bytes > values.length) {
				values = Arrays.copyOf(values, Math.max(values.length * 2, length + bytes));
			}
		}

		private void text(String text) {
			if (text == null) {
				integer(-1);
				return;
			}
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			room(bytes.length + 4);
			integer(bytes.length);
			System.arraycopy(bytes, 0, values, length, bytes.length);
			length += bytes.length;
		}

		private void number(Double number) {
			if (number == null || number.isNaN()) {
				integer(-1);
				return;
			}
			room(12);
			integer(8);
			long bits = Double.doubleToLongBits(number);
			for (int shift = 56; shift >= 0; shift -= 8) {
				values[length++] = (byte) (bits >>> shift);
			}
		}

		private void integer(int value) {
			room(4);
			values[length++] = (byte) (value >>> 24);
			values[length++] = (byte) (value >>> 16);
			values[length++] = (byte) (value >>> 8);
			values[length++] = (byte) value;
		}

		private void shortField(int value) {
			room(2);
			values[length++] = (byte) (value >>> 8);
			values[length++] = (byte) value;
		}
	}
}

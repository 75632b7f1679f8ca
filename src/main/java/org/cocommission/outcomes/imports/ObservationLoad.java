package org.cocommission.outcomes.imports;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import org.cocommission.outcomes.compute.BinaryCopyReader;
import org.cocommission.outcomes.compute.IndicatorPeriod;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes checked observations into outcomes_slice, inside the import's transaction: the rows are held per indicator
 * and period ({@link SortedSlices}) until the file is read, then each slice is written as one row by binary COPY.
 * A slice that already has observations is merged with them, the file's rows replacing those of the same
 * organisations: stored slices are read, deleted and written back merged a few at a time, so a re-import holds no
 * more than the file and a handful of stored slices. Duplicates were already refused in {@link ObservationChecks}.
 */
public final class ObservationLoad {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ObservationLoad.class);

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private static final byte[] TRAILER = { (byte) 0xff, (byte) 0xff };

	private static final int FLUSH_AT = 1 << 16;

	/** Stored slices merged per round trip of a re-import. */
	private static final int MERGED_AT_ONCE = 64;

	private static final String COLUMNS = "(indicator_id, period, org_codes, numerators, denominators, import_id,"
			+ " import_ids)";

	private static final int TEXT = 25;

	private static final int FLOAT8 = 701;

	private static final int INT8 = 20;

	// JdbcTemplate and raw JDBC on purpose: COPY through the driver, and the slice writers of the import hot path.
	private final JdbcTemplate jdbc;

	private final CopyManager copyManager;

	private final long importId;

	private final OrgCodes orgs;

	private final Set<String> existing;

	/** Per slice number: 0 not seen yet, 1 new, 2 already has observations. */
	private byte[] slices = new byte[256];

	private final List<IndicatorPeriod> touched = new ArrayList<>();

	private final SortedSlices held;

	private final Encoder encoder = new Encoder();

	private long rows;

	public ObservationLoad(JdbcTemplate jdbc, Connection connection, long importId, OrgCodes orgs) throws SQLException {
		this.jdbc = jdbc;
		this.orgs = orgs;
		this.held = new SortedSlices(orgs);
		this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
		this.importId = importId;
		this.existing = new HashSet<>(jdbc.queryForList("select indicator_id || ' ' || period from outcomes_slice",
				String.class));
	}

	/** One checked observation; {@code slice} numbers its indicator and period ({@link ObservationChecks#slice()}). */
	public void observation(int slice, int orgIndex, String indicator, String period, double numerator,
			double denominator) {
		rows++;
		if (slice >= slices.length) {
			slices = Arrays.copyOf(slices, Math.max(slice + 1, slices.length * 2));
		}
		if (slices[slice] == 0) {
			touched.add(new IndicatorPeriod(indicator, period));
			slices[slice] = (byte) (existing.contains(indicator + " " + period) ? 2 : 1);
		}
		held.add(slice, indicator, period, orgIndex, numerator, denominator);
	}

	/** The indicator and period pairs written, which are recomputed. */
	public List<IndicatorPeriod> touched() {
		return touched.stream()
			.sorted(Comparator.comparing(IndicatorPeriod::indicatorId).thenComparing(IndicatorPeriod::period))
			.toList();
	}

	/** Writes the new slices, then merges the replacements into the stored ones; returns the rows stored. */
	public long finish() throws SQLException {
		long started = System.nanoTime();
		List<Integer> order = held.order();
		List<Integer> replacing = order.stream().filter(slice -> slices[slice] == 2).toList();
		copy(copy -> {
			for (int slice : order) {
				if (slices[slice] == 1) {
					write(copy, held.take(slice), null);
				}
			}
		});
		long written = System.nanoTime();
		for (int from = 0; from < replacing.size(); from += MERGED_AT_ONCE) {
			merge(replacing.subList(from, Math.min(replacing.size(), from + MERGED_AT_ONCE)));
		}
		long merged = System.nanoTime();
		if (rows > 0) {
			jdbc.execute("analyze outcomes_slice");
		}
		log.info("Stored {} observations in {} slices ({} merged with stored ones): new written in {} ms, merged in {} ms,"
				+ " analysed in {} ms", rows, order.size(), replacing.size(), (written - started) / 1_000_000,
				(merged - written) / 1_000_000, (System.nanoTime() - merged) / 1_000_000);
		return rows;
	}

	/** Reads these stored slices, deletes them and writes them back with the file's rows in place. */
	private void merge(List<Integer> numbers) throws SQLException {
		List<SortedSlices.Sorted> incoming = numbers.stream().map(held::take).toList();
		String keys = incoming.stream()
			.map(slice -> "(" + literal(slice.indicator()) + "," + literal(slice.period()) + ")")
			.collect(Collectors.joining(","));
		Map<String, Stored> stored = readStored(keys);
		jdbc.update("delete from outcomes_slice where (indicator_id, period) in (" + keys + ")");
		copy(copy -> {
			for (SortedSlices.Sorted slice : incoming) {
				write(copy, slice, stored.get(slice.indicator() + " " + slice.period()));
			}
		});
	}

	private static String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	/** An organisation's stored observation kept beside the file's: its arrays in code order. */
	private record Stored(int[] orgs, double[] numerators, double[] denominators, long[] importIds) {
	}

	private Map<String, Stored> readStored(String keys) throws SQLException {
		Map<String, Stored> stored = new HashMap<>();
		CopyOut copy = copyManager.copyOut("copy (select indicator_id, period, org_codes, numerators, denominators,"
				+ " import_id, import_ids from outcomes_slice where (indicator_id, period) in (" + keys + "))"
				+ " to stdout (format binary)");
		try {
			BinaryCopyReader reader = new BinaryCopyReader(copy);
			while (reader.next()) {
				String indicator = reader.readText();
				String period = reader.readText();
				reader.field();
				int count = reader.arrayLength();
				int[] codes = new int[count];
				for (int i = 0; i < count; i++) {
					int length = reader.field();
					codes[i] = orgs.index(reader.buffer(), reader.position(), length);
					reader.skip(length);
				}
				double[] numerators = reader.readDoubles(count);
				double[] denominators = reader.readDoubles(count);
				long sliceImport = reader.readLong();
				long[] importIds = reader.field() < 0 ? null : reader.readLongs(reader.arrayLength());
				if (importIds == null) {
					importIds = new long[count];
					Arrays.fill(importIds, sliceImport);
				}
				stored.put(indicator + " " + period, inCodeOrder(new Stored(codes, numerators, denominators, importIds)));
			}
			while (copy.readFromCopy() != null) {
				// Drains the end of the COPY so that the connection is ready for the next statement.
			}
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		return stored;
	}

	/** Stored slices are in code order; one loaded under another collation is put in it. */
	private Stored inCodeOrder(Stored slice) {
		int count = slice.orgs().length;
		boolean sorted = true;
		for (int i = 1; i < count && sorted; i++) {
			sorted = orgs.code(slice.orgs()[i - 1]).compareTo(orgs.code(slice.orgs()[i])) < 0;
		}
		if (sorted) {
			return slice;
		}
		Integer[] places = new Integer[count];
		for (int i = 0; i < count; i++) {
			places[i] = i;
		}
		Arrays.sort(places, Comparator.comparing(i -> orgs.code(slice.orgs()[i])));
		Stored ordered = new Stored(new int[count], new double[count], new double[count], new long[count]);
		for (int i = 0; i < count; i++) {
			ordered.orgs()[i] = slice.orgs()[places[i]];
			ordered.numerators()[i] = slice.numerators()[places[i]];
			ordered.denominators()[i] = slice.denominators()[places[i]];
			ordered.importIds()[i] = slice.importIds()[places[i]];
		}
		return ordered;
	}

	/** Writes one slice; with stored observations, those of organisations the file does not give are kept. */
	private void write(CopyIn copy, SortedSlices.Sorted slice, Stored stored) throws SQLException {
		if (stored == null) {
			encoder.slice(slice.indicator(), slice.period(), codes(slice.orgs(), slice.size()), slice.numerators(),
					slice.denominators(), slice.size(), importId, null);
		}
		else {
			writeMerged(slice, stored);
		}
		if (encoder.length >= FLUSH_AT) {
			send(copy);
		}
	}

	private void writeMerged(SortedSlices.Sorted slice, Stored stored) {
		int capacity = slice.size() + stored.orgs().length;
		String[] codes = new String[capacity];
		double[] numerators = new double[capacity];
		double[] denominators = new double[capacity];
		long[] importIds = new long[capacity];
		boolean mixed = false;
		int count = 0;
		int fresh = 0;
		int kept = 0;
		while (fresh < slice.size() || kept < stored.orgs().length) {
			String freshCode = fresh < slice.size() ? orgs.code(slice.orgs()[fresh]) : null;
			String keptCode = kept < stored.orgs().length ? orgs.code(stored.orgs()[kept]) : null;
			int order = freshCode == null ? 1 : keptCode == null ? -1 : freshCode.compareTo(keptCode);
			if (order <= 0) {
				codes[count] = freshCode;
				numerators[count] = slice.numerators()[fresh];
				denominators[count] = slice.denominators()[fresh];
				importIds[count] = importId;
				fresh++;
				if (order == 0) {
					kept++;
				}
			}
			else {
				codes[count] = keptCode;
				numerators[count] = stored.numerators()[kept];
				denominators[count] = stored.denominators()[kept];
				importIds[count] = stored.importIds()[kept];
				mixed |= importIds[count] != importId;
				kept++;
			}
			count++;
		}
		encoder.slice(slice.indicator(), slice.period(), codes, numerators, denominators, count, importId,
				mixed ? importIds : null);
	}

	private String[] codes(int[] indexes, int count) {
		String[] codes = new String[count];
		for (int i = 0; i < count; i++) {
			codes[i] = orgs.code(indexes[i]);
		}
		return codes;
	}

	@FunctionalInterface
	private interface Rows {

		void write(CopyIn copy) throws SQLException;
	}

	/** One COPY into outcomes_slice of what {@code rows} writes; cancelled if that fails. */
	private void copy(Rows rows) throws SQLException {
		CopyIn copy = copyManager.copyIn("copy outcomes_slice " + COLUMNS + " from stdin (format binary)");
		try {
			copy.writeToCopy(HEADER, 0, HEADER.length);
			rows.write(copy);
			send(copy);
			copy.writeToCopy(TRAILER, 0, TRAILER.length);
			copy.endCopy();
		}
		finally {
			encoder.length = 0;
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private void send(CopyIn copy) throws SQLException {
		copy.writeToCopy(encoder.bytes, 0, encoder.length);
		encoder.length = 0;
	}

	/** Rows of outcomes_slice in binary COPY format. */
	private static final class Encoder {

		byte[] bytes = new byte[FLUSH_AT * 2];

		int length;

		void slice(String indicator, String period, String[] orgs, double[] numerators, double[] denominators,
				int count, long importId, long[] importIds) {
			int codeBytes = 0;
			for (int i = 0; i < count; i++) {
				codeBytes += utf8Length(orgs[i]);
			}
			int size = 2 + 8 + utf8Length(indicator) + utf8Length(period) + (4 + 20 + 4 * count + codeBytes)
					+ 2 * (4 + 20 + 12 * count) + 12 + 4 + (importIds == null ? 0 : 20 + 12 * count);
			if (length + size > bytes.length) {
				bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + size));
			}
			bytes[length++] = 0;
			bytes[length++] = 7;
			text(indicator);
			text(period);
			integer(20 + 4 * count + codeBytes);
			arrayHeader(TEXT, count);
			for (int i = 0; i < count; i++) {
				text(orgs[i]);
			}
			doubles(numerators, count);
			doubles(denominators, count);
			integer(8);
			number(importId);
			if (importIds == null) {
				integer(-1);
			}
			else {
				integer(20 + 12 * count);
				arrayHeader(INT8, count);
				for (int i = 0; i < count; i++) {
					integer(8);
					number(importIds[i]);
				}
			}
		}

		private void doubles(double[] values, int count) {
			integer(20 + 12 * count);
			arrayHeader(FLOAT8, count);
			for (int i = 0; i < count; i++) {
				integer(8);
				number(Double.doubleToLongBits(values[i]));
			}
		}

		private void arrayHeader(int elementType, int count) {
			integer(1);
			integer(0);
			integer(elementType);
			integer(count);
			integer(1);
		}

		private static int utf8Length(String text) {
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) >= 0x80) {
					return text.getBytes(StandardCharsets.UTF_8).length;
				}
			}
			return text.length();
		}

		private void text(String text) {
			int start = length + 4;
			int size = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c >= 0x80) {
					byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
					System.arraycopy(utf8, 0, bytes, start, utf8.length);
					size = utf8.length;
					break;
				}
				bytes[start + size++] = (byte) c;
			}
			integer(size);
			length += size;
		}

		private void number(long bits) {
			for (int shift = 56; shift >= 0; shift -= 8) {
				bytes[length++] = (byte) (bits >>> shift);
			}
		}

		private void integer(int value) {
			bytes[length++] = (byte) (value >>> 24);
			bytes[length++] = (byte) (value >>> 16);
			bytes[length++] = (byte) (value >>> 8);
			bytes[length++] = (byte) value;
		}
	}
}

package org.cocommission.outcomes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes checked observations into outcomes_observation with binary COPY, inside the import's transaction, in the
 * key's order ({@link SortedSlices}). Rows of an indicator and period that already has observations are replacements:
 * they are spooled to a temporary file and, after the COPY, swapped in set-wise (delete the same keys, insert). When
 * the table is nearly empty (such as before the first national file), the primary key is dropped for the COPY and
 * built once afterwards from presorted rows; duplicates were already refused in {@link ObservationChecks}.
 */
final class ObservationLoad implements AutoCloseable {

	private static final byte[] HEADER = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0,
			0, 0, 0, 0 };

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ObservationLoad.class);

	private static final byte[] TRAILER = { (byte) 0xff, (byte) 0xff };

	/** Below this many rows (such as empty, before the first national file) the key is rebuilt around the load. */
	private static final long SMALL_TABLE = 100_000;

	private static final int FLUSH_AT = 1 << 16;

	private static final String COLUMNS = "(indicator_id, period, org_code, numerator, denominator, import_id)";

	private final JdbcTemplate jdbc;

	private final CopyManager copyManager;

	private final long importId;

	private final Set<String> existing;

	private final boolean rebuildKey;

	/** Per slice number: 0 not seen yet, 1 new, 2 already has observations. */
	private byte[] slices = new byte[256];

	private final List<IndicatorPeriod> touched = new ArrayList<>();


	private CopyIn copy;

	private final Encoder direct = new Encoder();

	private final SortedSlices held;

	private Path spoolFile;

	private OutputStream spool;

	private final Encoder spooled = new Encoder();

	private long rows;

	private long replacing;

	ObservationLoad(JdbcTemplate jdbc, Connection connection, long importId, OrgCodes orgs) throws SQLException {
		this.jdbc = jdbc;
		this.held = new SortedSlices(orgs);
		this.copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
		this.importId = importId;
		this.existing = new HashSet<>(jdbc.query("""
				with recursive slices as (
				    (select indicator_id, period from outcomes_observation order by indicator_id, period limit 1)
				    union all
				    select next.indicator_id, next.period from slices cross join lateral (
				        select o.indicator_id, o.period from outcomes_observation o
				        where (o.indicator_id, o.period) > (slices.indicator_id, slices.period)
				        order by o.indicator_id, o.period limit 1) next
				)
				select indicator_id || ' ' || period from slices
				""", (rs, row) -> rs.getString(1)));
		Long estimated = jdbc.queryForObject("select greatest(reltuples, 0)::bigint from pg_class"
				+ " where oid = 'outcomes_observation'::regclass", Long.class);
		this.rebuildKey = estimated != null && estimated < SMALL_TABLE;
		if (rebuildKey) {
			jdbc.execute("alter table outcomes_observation drop constraint outcomes_observation_pkey");
		}
		this.copy = copyManager.copyIn("copy outcomes_observation " + COLUMNS + " from stdin (format binary)");
		copy.writeToCopy(HEADER, 0, HEADER.length);
	}

	/** One checked observation; {@code slice} numbers its indicator and period ({@link ObservationChecks#slice()}). */
	void observation(int slice, int orgIndex, String org, String indicator, String period, double numerator,
			double denominator) {
		rows++;
		if (slice >= slices.length) {
			slices = java.util.Arrays.copyOf(slices, Math.max(slice + 1, slices.length * 2));
		}
		if (slices[slice] == 0) {
			touched.add(new IndicatorPeriod(indicator, period));
			slices[slice] = (byte) (existing.contains(indicator + " " + period) ? 2 : 1);
		}
		if (slices[slice] == 2) {
			replacing++;
			spooled.row(indicator, period, org, numerator, denominator, importId);
			if (spooled.length >= FLUSH_AT) {
				spool();
			}
			return;
		}
		held.add(slice, indicator, period, orgIndex, numerator, denominator);
		if (held.full()) {
			drain();
		}
	}

	/** Writes the held new rows, in key order, into the COPY. */
	private void drain() {
		held.drain((indicator, period, org, numerator, denominator) -> {
			direct.row(indicator, period, org, numerator, denominator, importId);
			if (direct.length >= FLUSH_AT) {
				send();
			}
		});
	}

	/** The indicator and period pairs written, which are recomputed. */
	List<IndicatorPeriod> touched() {
		return touched.stream()
			.sorted(Comparator.comparing(IndicatorPeriod::indicatorId).thenComparing(IndicatorPeriod::period))
			.toList();
	}

	/** Ends the COPY, swaps in the replacements, rebuilds the key if it was dropped; returns the rows stored. */
	long finish() throws SQLException {
		long started = System.nanoTime();
		drain();
		send();
		copy.writeToCopy(TRAILER, 0, TRAILER.length);
		copy.endCopy();
		long copied = System.nanoTime();
		if (replacing > 0) {
			spool();
			try {
				spool.write(TRAILER);
				spool.close();
				jdbc.execute("create temporary table outcomes_replacing (like outcomes_observation) on commit drop");
				try (InputStream in = Files.newInputStream(spoolFile)) {
					copyManager.copyIn("copy outcomes_replacing " + COLUMNS + " from stdin (format binary)", in);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the spooled replacements", ex);
			}
			jdbc.execute("analyze outcomes_replacing");
			jdbc.update("delete from outcomes_observation o using outcomes_replacing r where o.indicator_id = r.indicator_id"
					+ " and o.period = r.period and o.org_code = r.org_code");
			jdbc.update("insert into outcomes_observation " + COLUMNS + " select indicator_id, period, org_code,"
					+ " numerator, denominator, import_id from outcomes_replacing");
		}
		long replaced = System.nanoTime();
		if (rebuildKey) {
			jdbc.execute("set local maintenance_work_mem = '512MB'");
			jdbc.execute("alter table outcomes_observation add constraint outcomes_observation_pkey"
					+ " primary key (indicator_id, period, org_code)");
		}
		// Fresh rows have no planner statistics; the recompute and the pages read this table next.
		long keyed = System.nanoTime();
		if (rows > 0) {
			jdbc.execute("analyze outcomes_observation");
		}
		log.info("Stored {} observations ({} replacing others): COPY ended in {} ms, replaced in {} ms, key {} in {} ms,"
				+ " analysed in {} ms", rows, replacing, (copied - started) / 1_000_000, (replaced - copied) / 1_000_000,
				rebuildKey ? "rebuilt" : "kept", (keyed - replaced) / 1_000_000, (System.nanoTime() - keyed) / 1_000_000);
		return rows;
	}

	private void send() {
		try {
			copy.writeToCopy(direct.bytes, 0, direct.length);
			direct.length = 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not store the observations", ex);
		}
	}

	private void spool() {
		try {
			if (spool == null) {
				spoolFile = Files.createTempFile("cocommission-outcomes-replacing", ".copy");
				spool = new BufferedOutputStream(Files.newOutputStream(spoolFile), 1 << 16);
				spool.write(HEADER);
			}
			spool.write(spooled.bytes, 0, spooled.length);
			spooled.length = 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not spool replaced observations", ex);
		}
	}

	@Override
	public void close() {
		try {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			// The transaction is being rolled back anyway; the original failure is what matters.
		}
		try {
			if (spool != null) {
				spool.close();
			}
			if (spoolFile != null) {
				Files.deleteIfExists(spoolFile);
			}
		}
		catch (IOException ex) {
			// A temporary file left behind is harmless.
		}
	}

	/** Rows of outcomes_observation in binary COPY format. */
	private static final class Encoder {

		byte[] bytes = new byte[FLUSH_AT + 512];

		int length;

		void row(String indicator, String period, String org, double numerator, double denominator, long importId) {
			if (length + 256 > bytes.length) {
				bytes = java.util.Arrays.copyOf(bytes, bytes.length * 2);
			}
			bytes[length++] = 0;
			bytes[length++] = 6;
			text(indicator);
			text(period);
			text(org);
			number(Double.doubleToLongBits(numerator));
			number(Double.doubleToLongBits(denominator));
			number(importId);
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
			integer(8);
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

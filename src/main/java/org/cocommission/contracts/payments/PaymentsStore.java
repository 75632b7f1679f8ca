package org.cocommission.contracts.payments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.cocommission.contracts.ImportMessage;
import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.PaymentRow;
import org.cocommission.contracts.PaymentsImport;
import org.cocommission.contracts.PaymentsSummary;
import org.cocommission.platform.FinancialYear;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;

/** The payments tables: a year replaced whole by COPY, and the totals read back at each level. */
@Component
public class PaymentsStore {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentsStore.class);


	/**
	 * Whether the view {@code reader} reads the relation {@code read} (each an SQL expression of its oid): its rule's
	 * dependencies, found by pg_depend's index on the dependent object, which a join on the object alone cannot use (a
	 * scan of the whole catalogue on every import).
	 */
	private static String reads(String reader, String read) {
		return "exists (select 1 from pg_rewrite r join pg_depend d"
				+ " on d.classid = cast('pg_rewrite' as regclass) and d.objid = r.oid"
				+ " where r.ev_class = " + reader + " and d.refobjid = " + read + ")";
	}

	/** The key of the PostgreSQL advisory lock that serialises payments imports across instances. */
	private static final long IMPORT_LOCK = 60_001L;

	/**
	 * How many years after the current one the view of every year reads before they are imported, each through a view
	 * of no rows until then, so that a year's first import only makes its own view ({@link #rebuildView}).
	 */
	private static final int YEARS_AHEAD = 10;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final java.time.Clock clock;

	PaymentsStore(JdbcClient jdbc, DataSource dataSource, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	public void lock() {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(IMPORT_LOCK).query().listOfRows();
	}

	public long logImport(FinancialYear year, String fileName, String actor, int rowsRead, int stored,
			List<ImportMessage> warnings, List<ImportMessage> errors) {
		return jdbc.sql("insert into contracts_payment_import (year_start, file_name, imported_by, outcome, rows_read,"
				+ " stored, warnings, errors) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")
			.params(year.startYear(), fileName, actor, errors.isEmpty() ? "COMMITTED" : "REJECTED", rowsRead, stored,
					warnings.size(), errors.size())
			.query(Long.class)
			.single();
	}

	/**
	 * What loading a year found: its rows, the practices stored (for the warnings), and any errors; without errors, the
	 * caller then {@linkplain #publish publishes} it.
	 */
	public record Loaded(int rowsRead, List<PaymentsRows.Practice> practices, List<ImportMessage> errors,
			YearRows rows, List<ImportMessage> warnings) {

		static Loaded refused(int rowsRead, List<ImportMessage> errors) {
			return new Loaded(rowsRead, List.of(), errors, null, List.of());
		}

		static Loaded stored(List<PaymentsRows.Practice> practices, YearRows rows, int lineEndingsChangeAt) {
			return new Loaded(practices.size(), practices, List.of(), rows, lineEndingsChangeAt == 0 ? List.of()
					: List.of(new ImportMessage(lineEndingsChangeAt, "This row's line ends otherwise than the first"
							+ " row's (line endings of two kinds): each is read as the end of a row")));
		}
	}

	/**
	 * The table the year's rows went into: the year's own table kept, emptied and copied into again (a re-import of the
	 * same layout, its view unchanged), or a new one, which publishing gives a view.
	 */
	public record YearRows(String table, boolean kept) {
	}

	/**
	 * Replaces the year's rows with the file's. A file as NHS Digital publishes it goes by one {@code COPY} straight
	 * into a new table of the year's own columns, as text, in the file's order ({@link #direct}), checked as it goes
	 * ({@link PaymentsRows}); the year's rows are read through the view {@code contracts_payment}, which converts them
	 * on reading (docs/domain-rules.md, GP contracts, "How a year is stored"). Only when the check fails, on a blank, a
	 * dash, a pound sign or a thousands separator, or on any error, is the file staged, cleaned in SQL and, where
	 * wrong, checked value by value to name the row and column ({@link #staged}). On any error nothing is stored; the
	 * caller rolls back. The file's practices go to {@code walked} as soon as they are known, before the database has
	 * finished storing them, so that what the caller does with them (the warnings' look-up in the directory) runs
	 * meanwhile; when the file is then staged, they go again, as the staging finds them.
	 */
	public Loaded load(FinancialYear year, long importId, PaymentsFile.Layout layout, InputStream rows,
			TransactionStatus transaction, Consumer<List<PaymentsRows.Practice>> walked) {
		long started = System.nanoTime();
		byte[] body;
		try {
			body = rows.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the payments file", ex);
		}
		log.debug("Payments {}: file read {} ms", year, (System.nanoTime() - started) / 1_000_000);
		String table = "contracts_payment_rows_" + importId;
		Sql sql = new Sql(layout);
		String kept = keptTable(year, layout);
		Object savepoint = transaction.createSavepoint();
		Loaded loaded = direct(year, kept == null ? new YearRows(table, false) : new YearRows(kept, true), sql, body,
				walked);
		if (loaded != null) {
			transaction.releaseSavepoint(savepoint);
		}
		else {
			// the year's own table, if it was emptied, is as it was again
			transaction.rollbackToSavepoint(savepoint);
			loaded = staged(year, table, sql, PaymentsFile.asCopyReads(body, layout.width()), transaction);
			if (loaded.errors().isEmpty()) {
				walked.accept(loaded.practices());
			}
		}
		return loaded;
	}

	/**
	 * The year's table, when a file of its layout can be copied into it again: the year was stored as published (text
	 * columns only) from a file with the same headings, its view reads the import from {@code contracts_payment_year}
	 * rather than holding it, and the view of every year reads its view; otherwise null, and the file goes into a new
	 * table.
	 */
	private String keptTable(FinancialYear year, PaymentsFile.Layout layout) {
		return jdbc.sql("""
				select y.table_name from contracts_payment_year y
				where y.year_start = :year and y.headings = cast(:headings as text[]) and to_regclass(y.table_name) is not null
				  and not exists (select 1 from pg_attribute a where a.attrelid = to_regclass(y.table_name)
				                  and a.attnum > 0 and not a.attisdropped and a.atttypid <> cast('text' as regtype))
				  and %s
				  and %s"""
			.formatted(reads("to_regclass(:view)", "cast('contracts_payment_year' as regclass)"),
					reads("cast('contracts_payment' as regclass)", "to_regclass(:view)")))
			.param("year", year.startYear())
			.param("headings", layout.headings().toArray(String[]::new))
			.param("view", yearView(year.startYear()))
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * The file by one COPY into the year's table of text columns, checked as it is written, the file's bytes as
	 * published for the database's CSV reader ({@link PaymentsRows#checked}); null when the check or the COPY refuses
	 * anything in it, for {@link #staged} to name it.
	 */
	private Loaded direct(FinancialYear year, YearRows rows, Sql sql, byte[] body,
			Consumer<List<PaymentsRows.Practice>> walked) {
		long started = System.nanoTime();
		String table = rows.table();
		if (rows.kept()) {
			// emptied in this subtransaction, so COPY may freeze its rows; indexed again after the commit (tidyTables),
			// so that the COPY does not write the index row by row
			jdbc.sql("truncate " + table).update();
			jdbc.sql("drop index if exists " + table + "_practice").update();
		}
		else {
			jdbc.sql("create table " + table + " (" + sql.staging() + ")").update();
		}
		PaymentsRows.Walked walk;
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			// FREEZE: the table is new or emptied in this transaction, so its rows are stored as seen by all, and no
			// later read has to set their visibility hints
			PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
					"copy " + table + " from stdin (format csv, freeze)", 1 << 16);
			try {
				walk = PaymentsRows.checked(body, sql.checked(), copy);
			}
			catch (IOException ex) {
				cancel(copy);
				log.debug("Payments {}: not as published, staged: {}", year, ex.getMessage());
				return null;
			}
			if (!walk.asPublished()) {
				cancel(copy);
				log.debug("Payments {}: not as published, staged: {}", year, walk.notAsPublished());
				return null;
			}
			// the database is still storing the last rows sent
			walked.accept(walk.practices());
			copy.close();
		}
		catch (IOException | SQLException ex) {
			log.debug("Payments {}: not as published, staged: {}", year, ex.getMessage());
			return null;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		log.debug("Payments {} (as published): {}, check and COPY {} ms", year, rows.kept() ? "truncate" : "create",
				(System.nanoTime() - started) / 1_000_000);
		return Loaded.stored(walk.practices(), rows, walk.lineEndingsChangeAt());
	}

	/** Ends a COPY the file failed, if the server has not ended it already; the caller rolls back. */
	private static void cancel(PGCopyOutputStream copy) {
		try {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException ex) {
			log.debug("Payments: the COPY ended with {}", ex.getMessage());
		}
	}

	/**
	 * The file staged as text, cleaned and checked in SQL, every error named with its row; without errors its rows go,
	 * converted, into the year's new table.
	 */
	private Loaded staged(FinancialYear year, String table, Sql sql, PaymentsFile.AsCopyReads file,
			TransactionStatus transaction) {
		long started = System.nanoTime();
		jdbc.sql("create temporary table contracts_payment_staging (row_no integer generated always as identity, "
				+ sql.staging() + ") on commit drop").update();
		List<ImportMessage> copyErrors = copy("copy contracts_payment_staging (" + sql.columns()
				+ ") from stdin (format csv)", new ByteArrayInputStream(file.rows()));
		if (!copyErrors.isEmpty()) {
			return Loaded.refused(0, copyErrors);
		}
		long copied = System.nanoTime();
		// one pass over the rows for the codes: their errors, and the practices for the warnings
		List<ImportMessage> errors = new ArrayList<>();
		List<PaymentsRows.Practice> practices = new ArrayList<>();
		jdbc.sql("""
				select row_no + 1 as row, %s as code, %s as name,
				       row_number() over (partition by %s order by row_no) as nth
				from contracts_payment_staging where %s order by row_no""".formatted(sql.code(),
				sql.text(PaymentsFile.PRACTICE_NAME), sql.code(), sql.nonBlank()))
			.query((rs, n) -> {
				int row = rs.getInt(1);
				String code = rs.getString(2);
				if (code == null) {
					errors.add(new ImportMessage(row, "no practice code"));
				}
				else if (!PaymentsRows.isPracticeCode(code)) {
					errors.add(new ImportMessage(row, "'" + code + "' is not a practice code"));
				}
				else if (rs.getLong(4) > 1) {
					errors.add(new ImportMessage(row, "practice " + code + " appears twice"));
				}
				else {
					practices.add(new PaymentsRows.Practice(row, code, rs.getString(3)));
				}
				return row;
			})
			.list();
		long checked = System.nanoTime();
		if (errors.isEmpty()) {
			Object savepoint = transaction.createSavepoint();
			try {
				jdbc.sql("create table " + table + " (" + sql.table() + ")").update();
				jdbc.sql("insert into " + table + " (" + sql.columns() + ") select " + sql.converted()
						+ " from contracts_payment_staging where " + sql.nonBlank() + " order by row_no")
					.update();
				transaction.releaseSavepoint(savepoint);
			}
			catch (DataAccessException ex) {
				transaction.rollbackToSavepoint(savepoint);
				errors.addAll(invalid(sql));
				if (errors.isEmpty()) {
					throw ex;
				}
			}
		}
		else {
			errors.addAll(invalid(sql));
			errors.sort(java.util.Comparator.comparingInt(ImportMessage::row));
		}
		if (!errors.isEmpty()) {
			int rowsRead = jdbc.sql("select count(*) from contracts_payment_staging where " + sql.nonBlank())
				.query(Integer.class)
				.single();
			return Loaded.refused(rowsRead, errors);
		}
		log.debug("Payments {} (as text): staging and COPY {} ms, codes checked {} ms, insert {} ms", year,
				(copied - started) / 1_000_000, (checked - copied) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
		return Loaded.stored(practices, new YearRows(table, false), file.lineEndingsChangeAt());
	}

	/**
	 * Makes the table loaded the year's rows. The year's own table kept ({@link YearRows#kept}) has its view already,
	 * which reads the import from the year's row. A new table gets the year's view ({@code contracts_payment_in_<year>})
	 * made anew over it, and the view of every year, {@code contracts_payment}, is made anew only when it does not yet
	 * read that year's view (a year further ahead than it reads, or a database from before it read years not yet
	 * imported, {@link #rebuildView}). The year's table before is dropped after the commit ({@link #tidyTables}), so
	 * that the import does not wait for it.
	 */
	public void publish(FinancialYear year, long importId, PaymentsFile.Layout layout, int practices, YearRows rows) {
		String table = rows.table();
		long started = System.nanoTime();
		jdbc.sql("""
				insert into contracts_payment_year (year_start, line_names, headings, table_name, import_id, practices)
				values (:year, :names, :headings, :table, :importId, :practices)
				on conflict (year_start) do update set line_names = excluded.line_names, headings = excluded.headings,
				    table_name = excluded.table_name, import_id = excluded.import_id, practices = excluded.practices""")
			.param("year", year.startYear())
			.param("names", layout.lineNames().toArray(String[]::new))
			.param("headings", layout.headings().toArray(String[]::new))
			.param("table", table)
			.param("importId", importId)
			.param("practices", practices)
			.update();
		if (rows.kept()) {
			log.debug("Payments {}: published in {} ms, the year's table and view kept", year,
					(System.nanoTime() - started) / 1_000_000);
			return;
		}
		long upserted = System.nanoTime();
		makeYearView(new YearTable(year.startYear(), table, layout.headings().toArray(String[]::new)));
		long viewMade = System.nanoTime();
		boolean read = jdbc.sql("select " + reads("cast('contracts_payment' as regclass)", "to_regclass(?)"))
			.param(yearView(year.startYear()))
			.query(Boolean.class)
			.single();
		long asked = System.nanoTime();
		if (!read) {
			rebuildView();
		}
		log.debug("Payments {}: published in {} ms (year's row {}, its view {}, asked {}, every year's view {})", year,
				(System.nanoTime() - started) / 1_000_000, (upserted - started) / 1_000_000,
				(viewMade - upserted) / 1_000_000, (asked - viewMade) / 1_000_000, (System.nanoTime() - asked) / 1_000_000);
	}

	private record YearTable(int yearStart, String tableName, String[] headings) {

		Sql sql() {
			return new Sql(PaymentsFile.Layout.of(List.of(headings)));
		}
	}

	private static String yearView(int yearStart) {
		return "contracts_payment_in_" + yearStart;
	}

	/** One year's view: its table's rows converted on reading ({@link Sql#branch}). */
	private void makeYearView(YearTable year) {
		jdbc.sql("create or replace view " + yearView(year.yearStart()) + " as "
				+ year.sql().branch(year.yearStart(), year.tableName()))
			.update();
	}

	private List<YearTable> yearTables() {
		return jdbc.sql("select year_start, table_name, headings from contracts_payment_year"
				+ " where table_name is not null order by year_start")
			.query((rs, n) -> new YearTable(rs.getInt(1), rs.getString(2), (String[]) rs.getArray(3).getArray()))
			.list();
	}

	/**
	 * The view every read of the payments goes through: every year's view one after another, the years without a view
	 * of their own (in a database from before they had one) given theirs first. It reads every year from the first
	 * published to {@link #YEARS_AHEAD} after the current one, a year not yet imported through a view of no rows; a
	 * year's first import then replaces that view with its own ({@link #makeYearView}, the same columns) and this view
	 * stays as it is, where it would otherwise be made anew over every year's view (docs/benchmarks.md, "Contracts
	 * payments import").
	 */
	private void rebuildView() {
		List<YearTable> years = yearTables();
		java.util.Set<String> views = new java.util.HashSet<>(jdbc.sql("select relname from pg_class where relkind = 'v'"
				+ " and relname like 'contracts\\_payment\\_in\\_%' and relnamespace = cast(current_schema() as regnamespace)")
			.query(String.class)
			.list());
		years.stream().filter(year -> !views.contains(yearView(year.yearStart()))).forEach(this::makeYearView);
		java.util.SortedSet<Integer> read = new java.util.TreeSet<>();
		years.forEach(year -> read.add(year.yearStart()));
		int last = FinancialYear.containing(java.time.LocalDate.now(clock)).startYear() + YEARS_AHEAD;
		for (int year = org.cocommission.contracts.Payments.FIRST_YEAR.startYear(); year <= last; year++) {
			if (read.add(year) && !views.contains(yearView(year))) {
				jdbc.sql("create view " + yearView(year) + " as " + Sql.NONE).update();
			}
		}
		jdbc.sql("create or replace view contracts_payment as " + String.join("\nunion all\n",
				read.stream().map(year -> "select * from " + yearView(year)).toList()))
			.update();
	}

	/**
	 * After an import's commit: drops the tables no year reads any more (a year's table before its re-import), and
	 * gives each year's table its index on the practice code as the view reads it, for one practice's reads. In one
	 * statement's view of the tables, so that another import's table is never taken for one no year reads.
	 */
	public void tidyTables() {
		lockRegister();
		List<StoredTable> tables = jdbc.sql("""
				select c.relname as name, y.year_start is not null as read,
				       exists (select 1 from pg_index i join pg_class x on x.oid = i.indexrelid
				               where i.indrelid = c.oid and x.relname = c.relname || '_practice') as indexed
				from pg_class c left join contracts_payment_year y on y.table_name = c.relname
				where c.relkind = 'r' and c.relname like 'contracts\\_payment\\_rows\\_%'
				  and c.relnamespace = cast(current_schema() as regnamespace)""")
			.query(StoredTable.class)
			.list();
		for (StoredTable table : tables) {
			if (!table.read()) {
				jdbc.sql("drop table if exists " + table.name()).update();
			}
		}
		if (tables.stream().anyMatch(table -> table.read() && !table.indexed())) {
			for (YearTable year : yearTables()) {
				jdbc.sql("create index if not exists " + year.tableName() + "_practice on " + year.tableName() + " (("
						+ year.sql().practiceCode() + "))")
					.update();
			}
		}
	}

	/** A year's table as stored: whether a year reads it, and whether it has its index on the practice code. */
	private record StoredTable(String name, boolean read, boolean indexed) {
	}

	/** The amounts and texts the columns cannot hold, each named with its row and column. */
	private List<ImportMessage> invalid(Sql sql) {
		return jdbc.sql("select s.row_no + 1 as row, v.name || ': ''' || trim(v.value) || ''' '"
				+ " || case when v.kind = 'text' then 'is too long'"
				+ " when v.kind = 'patients' and pg_input_is_valid(v.clean, 'numeric(12, 2)') then 'is negative'"
				+ " else 'is not a number' end as message"
				+ " from contracts_payment_staging s cross join lateral (values " + sql.checks() + ") as v (name, kind,"
				+ " value, clean) where " + sql.nonBlank() + " and v.value is not null and not case v.kind"
				+ " when 'text' then pg_input_is_valid(v.clean, 'varchar(200)')"
				+ " when 'patients' then case when pg_input_is_valid(v.clean, 'numeric(12, 2)')"
				+ " then cast(v.clean as numeric) >= 0 else false end"
				+ " else pg_input_is_valid(v.clean, 'numeric(16, 2)') end order by 1")
			.query(ImportMessage.class)
			.list();
	}

	/** The SQL of one year's layout: its table, its staging table and the view's reading of it. */
	private record Sql(PaymentsFile.Layout layout) {

		private static final String[][] NUMBERS = { { PaymentsFile.REGISTERED, "Number of Registered Patients" },
				{ PaymentsFile.WEIGHTED, "Number of Weighted Patients" },
				{ PaymentsFile.TOTAL, "Total NHS Payments to General Practice" } };

		/** The view's columns when no year is stored (as V60_4 makes it). */
		static final String NONE = "select cast(null as smallint) as year_start, cast(null as varchar(10)) as practice_code,"
				+ " cast(null as varchar(200)) as practice_name, cast(null as varchar(10)) as region_code,"
				+ " cast(null as varchar(200)) as region_name, cast(null as varchar(10)) as ccg_code,"
				+ " cast(null as varchar(200)) as ccg_name, cast(null as varchar(10)) as pcn_code,"
				+ " cast(null as varchar(200)) as pcn_name, cast(null as varchar(20)) as contract_type,"
				+ " cast(null as boolean) as dispensing, cast(null as numeric(12, 2)) as registered_patients,"
				+ " cast(null as numeric(12, 2)) as weighted_patients, cast(null as numeric(16, 2)) as total_payments,"
				+ " cast(null as bigint) as import_id, cast(null as numeric(16, 2)[]) as amounts where false";

		/** The columns that hold numbers: patients, the total and the payment lines. */
		private java.util.Set<Integer> numbers() {
			java.util.Set<Integer> numbers = new java.util.HashSet<>(layout.lineColumns());
			for (String[] number : NUMBERS) {
				numbers.add(layout.column(number[0]));
			}
			return numbers;
		}

		/** The names the view reads, kept to their 200 characters by the table. */
		private java.util.Set<Integer> names() {
			java.util.Set<Integer> names = new java.util.HashSet<>();
			for (String heading : List.of(PaymentsFile.PRACTICE_NAME, "nhs england (region) name", layout.ccgName(),
					layout.pcnName())) {
				Integer column = layout.column(heading);
				if (column != null) {
					names.add(column);
				}
			}
			return names;
		}

		String columns() {
			StringBuilder columns = new StringBuilder();
			for (int i = 1; i <= layout.width(); i++) {
				columns.append(i == 1 ? "" : ", ").append('c').append(i);
			}
			return columns.toString();
		}

		/** Text columns, for the staging table. */
		String staging() {
			StringBuilder definition = new StringBuilder();
			for (int i = 0; i < layout.width(); i++) {
				definition.append(i == 0 ? "" : ", ").append('c').append(i + 1).append(" text");
			}
			return definition.toString();
		}

		/**
		 * The year's table: a column per column of the file; patients and amounts as numbers of the sizes stored, the
		 * names the view reads at most 200 characters, patients never negative. So a COPY of the file checks them.
		 */
		String table() {
			java.util.Set<Integer> numbers = numbers();
			java.util.Set<Integer> names = names();
			Integer registered = layout.column(PaymentsFile.REGISTERED);
			Integer weighted = layout.column(PaymentsFile.WEIGHTED);
			StringBuilder definition = new StringBuilder();
			for (int i = 0; i < layout.width(); i++) {
				String column = "c" + (i + 1);
				definition.append(i == 0 ? "" : ", ").append(column)
					.append(registered == i || weighted == i ? " numeric(12, 2) check (" + column + " >= 0)"
							: numbers.contains(i) ? " numeric(16, 2)" : names.contains(i) ? " varchar(200)" : " text");
			}
			return definition.toString();
		}

		String column(String heading) {
			Integer index = layout.column(heading);
			return index == null ? null : "c" + (index + 1);
		}

		/** Trimmed; blank and "-" are nothing. */
		String text(String heading) {
			String column = column(heading);
			return column == null ? "cast(null as text)" : "nullif(nullif(trim(" + column + "), ''), '-')";
		}

		String code() {
			return "upper(" + text(PaymentsFile.PRACTICE_CODE) + ")";
		}

		/** A published amount: blank or "-" is 0; thousands separators and a pound sign are allowed. */
		static String clean(String column) {
			return "case when coalesce(trim(" + column + "), '') in ('', '-') then '0'"
					+ " else replace(replace(trim(" + column + "), ',', ''), '£', '') end";
		}

		/** A row with something in it: rows of empty fields, as spreadsheets leave, are not rows. */
		String nonBlank() {
			return "num_nonnulls(" + columns() + ") > 0";
		}

		/** The staging table's columns as the year's table takes them: amounts cleaned, names trimmed. */
		String converted() {
			java.util.Set<Integer> numbers = numbers();
			java.util.Set<Integer> names = names();
			StringBuilder converted = new StringBuilder();
			for (int i = 0; i < layout.width(); i++) {
				String column = "c" + (i + 1);
				converted.append(i == 0 ? "" : ", ")
					.append(numbers.contains(i) ? "cast(" + clean(column) + " as numeric)"
							: names.contains(i) ? "nullif(nullif(trim(" + column + "), ''), '-')" : column);
			}
			return converted.toString();
		}

		/**
		 * An amount of the year's table as read: blank is 0. The column is text in a year stored as published, a number
		 * in a year that was cleaned; the cast reads either.
		 */
		private static String amount(String column, String type) {
			return column == null ? "cast(0 as " + type + ")" : "cast(coalesce(cast(" + column + " as " + type + "), 0) as " + type + ")";
		}

		/** The practice's code as the view reads it, and as each year's table is indexed. */
		String practiceCode() {
			return "cast(" + code() + " as varchar(10))";
		}

		/** The columns as {@link PaymentsRows} checks them. */
		PaymentsRows.Columns checked() {
			java.util.Set<Integer> patients = new java.util.HashSet<>();
			for (String heading : List.of(PaymentsFile.REGISTERED, PaymentsFile.WEIGHTED)) {
				patients.add(layout.column(heading));
			}
			java.util.Set<Integer> amounts = numbers();
			amounts.removeAll(patients);
			Integer name = layout.column(PaymentsFile.PRACTICE_NAME);
			return PaymentsRows.Columns.of(layout.width(), layout.column(PaymentsFile.PRACTICE_CODE),
					name == null ? -1 : name, names(), patients, amounts);
		}

		/**
		 * The year's rows as the view reads them, in the columns of {@link #NONE}: texts trimmed, blank and "-" as
		 * nothing, codes and types in capitals, blank amounts 0, the payment lines in an array in the order of the
		 * year's columns (contracts_payment_year.line_names). A row without a code is a blank row of the file.
		 */
		String branch(int year, String table) {
			StringBuilder amounts = new StringBuilder();
			for (Integer index : layout.lineColumns()) {
				amounts.append(amounts.isEmpty() ? "" : ", ").append(amount("c" + (index + 1), "numeric(16, 2)"));
			}
			return "select cast(" + year + " as smallint) as year_start,"
					+ " " + practiceCode() + " as practice_code,"
					+ " cast(" + text(PaymentsFile.PRACTICE_NAME) + " as varchar(200)) as practice_name,"
					+ " cast(" + text("nhs england (region) code") + " as varchar(10)) as region_code,"
					+ " cast(" + text("nhs england (region) name") + " as varchar(200)) as region_name,"
					+ " cast(upper(" + text("ccg code") + ") as varchar(10)) as ccg_code,"
					+ " cast(" + text(layout.ccgName()) + " as varchar(200)) as ccg_name,"
					+ " cast(upper(" + text(layout.pcnCode()) + ") as varchar(10)) as pcn_code,"
					+ " cast(" + text(layout.pcnName()) + " as varchar(200)) as pcn_name,"
					+ " cast(coalesce(upper(" + text(PaymentsFile.CONTRACT_TYPE) + "), 'UNKNOWN') as varchar(20))"
					+ " as contract_type,"
					+ " coalesce(lower(" + text("dispensing practice") + ") in ('yes', 'y'), false) as dispensing,"
					+ " " + amount(column(PaymentsFile.REGISTERED), "numeric(12, 2)") + " as registered_patients,"
					+ " " + amount(column(PaymentsFile.WEIGHTED), "numeric(12, 2)") + " as weighted_patients,"
					+ " " + amount(column(PaymentsFile.TOTAL), "numeric(16, 2)") + " as total_payments,"
					+ " (select y.import_id from contracts_payment_year y where y.year_start = " + year + ") as import_id,"
					+ " cast(" + (amounts.isEmpty() ? "'{}'" : "array[" + amounts + "]") + " as numeric(16, 2)[])"
					+ " as amounts from " + table + " where " + code() + " is not null";
		}

		/** Every value the insert converts, as (name, kind, value as published, value as converted). */
		String checks() {
			List<String> checks = new ArrayList<>();
			for (String[] number : NUMBERS) {
				String column = column(number[0]);
				checks.add("(" + literal(number[1]) + ", '" + (number[0].equals(PaymentsFile.TOTAL) ? "money" : "patients")
						+ "', " + column + ", " + clean(column) + ")");
			}
			for (int i = 0; i < layout.lineNames().size(); i++) {
				if (layout.lineColumns().get(i).equals(layout.column(PaymentsFile.TOTAL))) {
					continue;
				}
				String column = "c" + (layout.lineColumns().get(i) + 1);
				checks.add("(" + literal(layout.lineNames().get(i)) + ", 'money', " + column + ", " + clean(column) + ")");
			}
			for (String heading : List.of(PaymentsFile.PRACTICE_NAME, "nhs england (region) name", layout.ccgName(),
					layout.pcnName())) {
				String column = column(heading);
				if (column != null) {
					checks.add("(" + literal(heading) + ", 'text', " + column + ", " + text(heading) + ")");
				}
			}
			return String.join(", ", checks);
		}

		private static String literal(String text) {
			return "'" + text.replace("'", "''") + "'";
		}
	}

	/** COPY of the rows as published; an error in the file (a row too long or short, bad text) is one message. */
	private List<ImportMessage> copy(String sql, InputStream rows) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, rows, 1 << 16);
			return List.of();
		}
		catch (PSQLException ex) {
			if (ex.getSQLState() == null || !(ex.getSQLState().startsWith("22"))) {
				throw new IllegalStateException("Could not bulk-load the payments", ex);
			}
			ServerErrorMessage server = ex.getServerErrorMessage();
			String where = server == null || server.getWhere() == null ? "" : server.getWhere();
			java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(where);
			int row = line.find() ? Integer.parseInt(line.group(1)) + 1 : 0;
			String message = server == null ? ex.getMessage() : server.getMessage();
			return List.of(new ImportMessage(row, "This row cannot be read: " + message));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not bulk-load the payments", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** The key of the advisory lock that serialises feeding the register from the stored payments. */
	private static final long REGISTER_LOCK = 60_002L;

	public void lockRegister() {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(REGISTER_LOCK).query().listOfRows();
	}

	/** An import stored whose year the register has not yet been fed from. */
	public record Unfed(long id, int yearStart, String importedBy) {
	}

	/** The imports stored and not yet taken into the register, in the order they were made. */
	public List<Unfed> unfedImports() {
		return jdbc.sql("select id, year_start, imported_by from contracts_payment_import"
				+ " where outcome = 'COMMITTED' and register_fed_at is null order by id")
			.query(Unfed.class)
			.list();
	}

	public void registerFed(long importId) {
		jdbc.sql("update contracts_payment_import set register_fed_at = now() where id = ?").param(importId).update();
	}

	/** Completes the log entry of an import once its rows are stored. */
	public void completeImport(long importId, int rowsRead, int stored, int warnings) {
		jdbc.sql("update contracts_payment_import set rows_read = ?, stored = ?, warnings = ? where id = ?")
			.params(rowsRead, stored, warnings, importId)
			.update();
	}

	/** What the stored payments are at: the last import stored, so that any instance's import is seen at once. */
	public long generation() {
		return jdbc.sql("select coalesce(max(id), 0) from contracts_payment_import where outcome = 'COMMITTED'")
			.query(Long.class)
			.single();
	}

	public List<FinancialYear> years() {
		return jdbc.sql("select year_start from contracts_payment_year where table_name is not null and practices > 0"
				+ " order by year_start")
			.query(Integer.class)
			.list()
			.stream()
			.map(FinancialYear::new)
			.toList();
	}

	public PaymentsSummary summary(FinancialYear year) {
		Map<String, Long> byType = new LinkedHashMap<>();
		byType.put("GMS", 0L);
		byType.put("PMS", 0L);
		byType.put("APMS", 0L);
		long practices = 0;
		for (TypeCount count : jdbc.sql("select contract_type, count(*) as practices from contracts_payment"
				+ " where year_start = ? group by contract_type"
				+ " order by array_position(array['GMS','PMS','APMS'], contract_type) nulls last, contract_type")
			.param(year.startYear())
			.query(TypeCount.class)
			.list()) {
			byType.put(count.contractType(), count.practices());
			practices += count.practices();
		}
		return new PaymentsSummary(year.toString(), practices, byType);
	}

	private record TypeCount(String contractType, long practices) {
	}

	/**
	 * Totals at a level, optionally split by contract type ({@code byType}); practice rows always carry their type.
	 * Per-patient figures are the level's total over its patients, so larger practices weigh more, as in the file.
	 */
	public List<PaymentRow> rows(FinancialYear year, PaymentLevel level, boolean byType) {
		String code = switch (level) {
			case PRACTICE -> "practice_code";
			case CCG -> "ccg_code";
			case AREA -> "region_code";
			case ENGLAND -> "'ENG'";
		};
		String name = switch (level) {
			case PRACTICE -> "max(practice_name)";
			case CCG -> "max(ccg_name)";
			case AREA -> "max(region_name)";
			case ENGLAND -> "'England'";
		};
		boolean typed = byType || level == PaymentLevel.PRACTICE;
		String type = typed ? "contract_type" : "cast(null as varchar)";
		String group = level == PaymentLevel.ENGLAND ? (typed ? " group by contract_type" : "")
				: " group by " + code + (typed ? ", contract_type" : "");
		return jdbc.sql("select " + code + " as org_code, " + name + " as org_name, " + type + " as contract_type,"
				+ " count(*) as practices, sum(registered_patients) as registered_patients,"
				+ " sum(weighted_patients) as weighted_patients, sum(total_payments) as total_payments"
				+ " from contracts_payment where year_start = :year"
				+ group + " order by 1, 3")
			.param("year", year.startYear())
			.query(Totals.class)
			.list()
			.stream()
			.map(Totals::row)
			.toList();
	}

	/** Every practice's total per weighted patient in the year, by type, for distributions. */
	public List<PracticeRate> practiceRates(FinancialYear year) {
		return jdbc.sql("select practice_code, contract_type, total_payments / weighted_patients as per_weighted_patient"
				+ " from contracts_payment where year_start = ? and weighted_patients > 0 order by 3")
			.param(year.startYear())
			.query(PracticeRate.class)
			.list();
	}

	public record PracticeRate(String practiceCode, String contractType, BigDecimal perWeightedPatient) {
	}

	/** The payment lines of one practice in a year, largest first. */
	public Map<String, BigDecimal> lines(FinancialYear year, String practiceCode) {
		Map<String, BigDecimal> lines = new LinkedHashMap<>();
		jdbc.sql("select t.name, t.amount from contracts_payment p join contracts_payment_year y using (year_start)"
				+ " cross join lateral unnest(y.line_names, p.amounts) as t (name, amount)"
				+ " where p.year_start = ? and p.practice_code = ? and t.amount <> 0 order by t.amount desc, t.name")
			.params(year.startYear(), practiceCode)
			.query((rs, n) -> lines.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return lines;
	}

	/** A practice's rows across the years. */
	public List<PracticeYearRow> practiceYears(String practiceCode) {
		return jdbc.sql("select year_start, ccg_code, contract_type, registered_patients, weighted_patients,"
				+ " total_payments from contracts_payment where practice_code = ? order by year_start")
			.param(practiceCode)
			.query(PracticeYearRow.class)
			.list();
	}

	public record PracticeYearRow(int yearStart, String ccgCode, String contractType, BigDecimal registeredPatients,
			BigDecimal weightedPatients, BigDecimal totalPayments) {

		public String year() {
			return new FinancialYear(yearStart).toString();
		}

		public BigDecimal perRegisteredPatient() {
			return per(totalPayments, registeredPatients);
		}

		public BigDecimal perWeightedPatient() {
			return per(totalPayments, weightedPatients);
		}
	}

	public List<PaymentsImport> recentImports(int limit) {
		return jdbc.sql("select id, year_start, file_name, imported_by, imported_at, outcome, rows_read, stored,"
				+ " warnings, errors from contracts_payment_import order by id desc limit ?")
			.param(limit)
			.query((rs, n) -> new PaymentsImport(rs.getLong("id"), new FinancialYear(rs.getInt("year_start")).toString(),
					rs.getString("file_name"), rs.getString("imported_by"),
					rs.getObject("imported_at", Timestamp.class) == null ? null
							: rs.getTimestamp("imported_at").toInstant(),
					rs.getString("outcome"), rs.getInt("rows_read"), rs.getInt("stored"), rs.getInt("warnings"),
					rs.getInt("errors")))
			.list();
	}

	private record Totals(String orgCode, String orgName, String contractType, int practices,
			BigDecimal registeredPatients, BigDecimal weightedPatients, BigDecimal totalPayments) {

		PaymentRow row() {
			return new PaymentRow(orgCode, orgName, contractType, practices, registeredPatients, weightedPatients,
					totalPayments, per(totalPayments, registeredPatients), per(totalPayments, weightedPatients));
		}
	}

	/** Pounds per patient to the penny, half up; none without patients. */
	public static BigDecimal per(BigDecimal total, BigDecimal patients) {
		if (total == null || patients == null || patients.signum() <= 0) {
			return null;
		}
		return total.divide(patients, 2, RoundingMode.HALF_UP);
	}
}

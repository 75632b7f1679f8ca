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

import javax.sql.DataSource;

import org.postgresql.PGConnection;
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


	/** The key of the PostgreSQL advisory lock that serialises payments imports across instances. */
	private static final long IMPORT_LOCK = 60_001L;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	PaymentsStore(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
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

	/** What loading a year found: its rows, the practices stored (for the warnings), and any errors. */
	public record Loaded(int rowsRead, List<Practice> practices, List<ImportMessage> errors) {
	}

	/** A practice as the file names it, on its row. */
	public record Practice(int row, String code, String name) {
	}

	/**
	 * Replaces the year's rows with the file's: its rows (after the heading) go by COPY, untouched, into a staging
	 * table, are checked there (practice codes, repeats), and are then converted and stored in one INSERT ... SELECT;
	 * a re-import of the same file leaves the same rows. Each practice's payment lines sit in its row, in the order of
	 * the year's columns. On any error nothing is stored; the caller rolls back.
	 * <p>
	 * A file as NHS Digital publishes it has plain numbers, so the staging table first takes its amounts as numbers
	 * (COPY converts them, the cheapest way there is). Only when that fails, on a blank, a dash, a pound sign or a
	 * thousands separator, or on any error, is the file staged again as text, cleaned in SQL and, where wrong, checked
	 * value by value to name the row and column.
	 */
	public Loaded load(FinancialYear year, long importId, PaymentsFile.Layout layout, InputStream rows,
			TransactionStatus transaction) {
		byte[] body;
		try {
			body = PaymentsFile.blankLinesAsEmptyRows(rows.readAllBytes(), layout.width());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not read the payments file", ex);
		}
		Object savepoint = transaction.createSavepoint();
		Loaded loaded = attempt(year, importId, new Sql(layout, true), body, transaction);
		if (loaded != null) {
			transaction.releaseSavepoint(savepoint);
			return loaded;
		}
		transaction.rollbackToSavepoint(savepoint);
		return attempt(year, importId, new Sql(layout, false), body, transaction);
	}

	/** One go at loading the year; null when the numbers-first staging fails and the file must go as text. */
	private Loaded attempt(FinancialYear year, long importId, Sql sql, byte[] body, TransactionStatus transaction) {
		PaymentsFile.Layout layout = sql.layout();
		long started = System.nanoTime();
		jdbc.sql("create temporary table contracts_payment_staging (row_no integer generated always as identity, "
				+ sql.definition() + ") on commit drop").update();
		List<ImportMessage> copyErrors;
		try {
			copyErrors = copy("copy contracts_payment_staging (" + sql.columns() + ") from stdin (format csv)",
					new ByteArrayInputStream(body));
		}
		catch (RuntimeException ex) {
			if (sql.typed()) {
				return null;
			}
			throw ex;
		}
		if (!copyErrors.isEmpty()) {
			return sql.typed() ? null : new Loaded(0, List.of(), copyErrors);
		}
		long copied = System.nanoTime();
		// one pass over the rows for the codes: their errors, and the practices for the warnings
		List<ImportMessage> errors = new ArrayList<>();
		List<Practice> practices = new ArrayList<>();
		java.util.regex.Pattern valid = java.util.regex.Pattern.compile("[A-Z0-9]{3,10}");
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
				else if (!valid.matcher(code).matches()) {
					errors.add(new ImportMessage(row, "'" + code + "' is not a practice code"));
				}
				else if (rs.getLong(4) > 1) {
					errors.add(new ImportMessage(row, "practice " + code + " appears twice"));
				}
				else {
					practices.add(new Practice(row, code, rs.getString(3)));
				}
				return row;
			})
			.list();
		if (!errors.isEmpty() && sql.typed()) {
			return null;
		}
		long checked = System.nanoTime();
		int stored = 0;
		if (errors.isEmpty()) {
			jdbc.sql("delete from contracts_payment where year_start = ?").param(year.startYear()).update();
			Object savepoint = sql.typed() ? null : transaction.createSavepoint();
			try {
				stored = jdbc.sql("insert into contracts_payment (year_start, import_id, practice_code, practice_name,"
						+ " region_code, region_name, ccg_code, ccg_name, pcn_code, pcn_name, contract_type, dispensing,"
						+ " registered_patients, weighted_patients, total_payments, amounts) select :year, :importId, "
						+ sql.values() + " from contracts_payment_staging where " + sql.nonBlank())
					.param("year", year.startYear())
					.param("importId", importId)
					.update();
				if (savepoint != null) {
					transaction.releaseSavepoint(savepoint);
				}
			}
			catch (DataAccessException ex) {
				if (savepoint == null) {
					return null;
				}
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
			return new Loaded(rowsRead, List.of(), errors);
		}
		long inserted = System.nanoTime();
		jdbc.sql("insert into contracts_payment_year (year_start, line_names) values (:year, :names)"
				+ " on conflict (year_start) do update set line_names = excluded.line_names")
			.param("year", year.startYear())
			.param("names", layout.lineNames().toArray(String[]::new))
			.update();
		// where an import's time goes, for bench/contracts-payments (docs/benchmarks.md)
		log.debug("Payments {} ({}): staging and COPY {} ms, codes checked {} ms, insert {} ms, line names {} ms", year,
				sql.typed() ? "numbers" : "text", (copied - started) / 1_000_000, (checked - copied) / 1_000_000,
				(inserted - checked) / 1_000_000, (System.nanoTime() - inserted) / 1_000_000);
		return new Loaded(stored, practices, List.of());
	}

	/** The amounts and texts the columns cannot hold, each named with its row and column. */
	private List<ImportMessage> invalid(Sql sql) {
		return jdbc.sql("select s.row_no + 1 as row, v.name || ': ''' || trim(v.value) || ''' '"
				+ " || case when v.kind = 'text' then 'is too long' else 'is not a number' end as message"
				+ " from contracts_payment_staging s cross join lateral (values " + sql.checks() + ") as v (name, kind,"
				+ " value, clean) where " + sql.nonBlank() + " and v.value is not null and not case v.kind"
				+ " when 'text' then pg_input_is_valid(v.clean, 'varchar(200)')"
				+ " when 'patients' then pg_input_is_valid(v.clean, 'numeric(12, 2)')"
				+ " else pg_input_is_valid(v.clean, 'numeric(16, 2)') end order by 1")
			.query(ImportMessage.class)
			.list();
	}

	/** The SQL that reads one year's layout from the staging table's text columns. */
	private record Sql(PaymentsFile.Layout layout, boolean typed) {

		private static final String[][] NUMBERS = { { PaymentsFile.REGISTERED, "Number of Registered Patients" },
				{ PaymentsFile.WEIGHTED, "Number of Weighted Patients" },
				{ PaymentsFile.TOTAL, "Total NHS Payments to General Practice" } };

		/** The columns that hold numbers: patients, the total and the payment lines. */
		private java.util.Set<Integer> numbers() {
			java.util.Set<Integer> numbers = new java.util.HashSet<>(layout.lineColumns());
			for (String[] number : NUMBERS) {
				numbers.add(layout.column(number[0]));
			}
			return numbers;
		}

		String columns() {
			StringBuilder columns = new StringBuilder();
			for (int i = 1; i <= layout.width(); i++) {
				columns.append(i == 1 ? "" : ", ").append('c').append(i);
			}
			return columns.toString();
		}

		/** Text columns, or, typed, numbers as numbers (unconstrained: the insert checks their size). */
		String definition() {
			java.util.Set<Integer> numbers = typed ? numbers() : java.util.Set.of();
			StringBuilder definition = new StringBuilder();
			for (int i = 0; i < layout.width(); i++) {
				definition.append(i == 0 ? "" : ", ").append('c').append(i + 1)
					.append(numbers.contains(i) ? " numeric" : " text");
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

		String number(String column) {
			return typed ? "coalesce(" + column + ", 0)" : "cast(" + clean(column) + " as numeric)";
		}

		/** A row with something in it: rows of empty fields, as spreadsheets leave, are not rows. */
		String nonBlank() {
			return "num_nonnulls(" + columns() + ") > 0";
		}

		String values() {
			StringBuilder amounts = new StringBuilder();
			for (Integer index : layout.lineColumns()) {
				amounts.append(amounts.isEmpty() ? "" : ", ").append(number("c" + (index + 1)));
			}
			return String.join(", ", code(), text(PaymentsFile.PRACTICE_NAME), text("nhs england (region) code"),
					text("nhs england (region) name"), "upper(" + text("ccg code") + ")", text(layout.ccgName()),
					"upper(" + text(layout.pcnCode()) + ")", text(layout.pcnName()),
					"coalesce(upper(" + text(PaymentsFile.CONTRACT_TYPE) + "), 'UNKNOWN')",
					"coalesce(lower(" + text("dispensing practice") + ") in ('yes', 'y'), false)",
					number(column(PaymentsFile.REGISTERED)), number(column(PaymentsFile.WEIGHTED)),
					number(column(PaymentsFile.TOTAL)),
					amounts.isEmpty() ? "cast('{}' as numeric[])" : "array[" + amounts + "]");
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
		return jdbc.sql("select distinct year_start from contracts_payment order by year_start")
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
	public List<PaymentRow> rows(FinancialYear year, PaymentLevel level, boolean byType, String within) {
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
				+ " and (cast(:within as varchar) is null or ccg_code = :within or region_code = :within"
				+ "      or practice_code = :within)"
				+ group + " order by 1, 3")
			.param("year", year.startYear())
			.param("within", within)
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

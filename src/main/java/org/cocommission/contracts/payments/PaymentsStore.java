package org.cocommission.contracts.payments;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.cocommission.contracts.ImportMessage;
import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.PaymentRow;
import org.cocommission.contracts.PaymentsImport;
import org.cocommission.contracts.PaymentsSummary;
import org.cocommission.platform.FinancialYear;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/** The payments tables: a year replaced whole by COPY, and the totals read back at each level. */
@Component
public class PaymentsStore {

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

	/**
	 * Replaces the year's rows with the file's: a re-import of the same file leaves the same rows. Each practice's
	 * payment lines go in its row, in the order of the year's columns (one row a practice, loaded by COPY).
	 */
	public void replaceYear(FinancialYear year, long importId, List<PaymentsFile.PracticeYear> rows) {
		jdbc.sql("delete from contracts_payment where year_start = ?").param(year.startYear()).update();
		List<String> names = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).lines().keySet());
		jdbc.sql("insert into contracts_payment_year (year_start, line_names) values (:year, :names)"
				+ " on conflict (year_start) do update set line_names = excluded.line_names")
			.param("year", year.startYear())
			.param("names", names.toArray(String[]::new))
			.update();
		StringBuilder practices = new StringBuilder(rows.size() * (200 + names.size() * 10));
		int start = year.startYear();
		for (PaymentsFile.PracticeYear row : rows) {
			StringBuilder amounts = new StringBuilder("{");
			for (String name : names) {
				amounts.append(amounts.length() == 1 ? "" : ",").append(row.lines().get(name).toPlainString());
			}
			amounts.append('}');
			csvLine(practices, start, row.practiceCode(), row.practiceName(), row.regionCode(), row.regionName(),
					row.ccgCode(), row.ccgName(), row.pcnCode(), row.pcnName(), row.contractType(), row.dispensing(),
					row.registeredPatients(), row.weightedPatients(), row.totalPayments(), importId, amounts.toString());
		}
		copy("copy contracts_payment (year_start, practice_code, practice_name, region_code, region_name, ccg_code,"
				+ " ccg_name, pcn_code, pcn_name, contract_type, dispensing, registered_patients, weighted_patients,"
				+ " total_payments, import_id, amounts) from stdin (format csv)", practices);
	}

	private void copy(String sql, CharSequence csv) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not bulk-load the payments", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void csvLine(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			Object value = values[i];
			if (value instanceof String text) {
				out.append('"').append(text.replace("\"", "\"\"")).append('"');
			}
			else if (value instanceof BigDecimal number) {
				out.append(number.toPlainString());
			}
			else if (value != null) {
				out.append(value);
			}
		}
		out.append('\n');
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

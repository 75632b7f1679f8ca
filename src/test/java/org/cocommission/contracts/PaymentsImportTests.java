package org.cocommission.contracts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.cocommission.identity.ActingAs;
import org.cocommission.platform.FinancialYear;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Each yearly layout of NHS Payments to General Practice as stored, from rows of the published files: the rows go by
 * COPY into the year's table, checked on the way, or are staged and cleaned in SQL, so these run on the embedded
 * PostgreSQL. The years and codes are this class's own, but for the published excerpts' years, which it imports
 * as {@code ContractsApiTests} does ({@link ContractsFixture}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContractsFixture.class)
class PaymentsImportTests {

	private static final String HEADING = "Practice Code,Practice Name,Contract Type,"
			+ "Number of Registered Patients (Last Known Figure),Number of Weighted Patients (Last Known Figure),"
			+ "Global Sum,Total NHS Payments to General Practice\n";

	@Autowired
	private Payments payments;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private org.springframework.transaction.PlatformTransactionManager transactionManager;

	private PaymentsImportReport load(int year, byte[] file) {
		return ActingAs.system(() -> payments.importFile(new FinancialYear(year), "test.csv",
				new ByteArrayInputStream(file)));
	}

	private PaymentsImportReport load(int year, String resource) throws IOException {
		try (InputStream in = PaymentsImportTests.class.getResourceAsStream("/contracts/" + resource)) {
			return load(year, in.readAllBytes());
		}
	}

	private Map<String, Object> row(int year, String practice) {
		return jdbc.sql("select * from contracts_payment where year_start = ? and practice_code = ?")
			.params(year, practice)
			.query()
			.singleRow();
	}

	private Map<String, BigDecimal> lines(int year, String practice) {
		return ActingAs.system(() -> payments.lines(new FinancialYear(year), practice));
	}

	@Test
	void storesThe2014To15LayoutWithItsByteOrderMark() throws IOException {
		var report = load(2014, "payments-14-15.csv");

		assertThat(report.errors()).isEmpty();
		assertThat(report.rowsRead()).isEqualTo(4);
		var first = row(2014, "N81632");
		assertThat(first).containsEntry("region_code", "Q44")
			.containsEntry("region_name", "Cheshire, Warrington and Wirral")
			.containsEntry("ccg_code", "01C")
			.containsEntry("ccg_name", "Eastern Cheshire")
			.containsEntry("pcn_code", null)
			.containsEntry("contract_type", "PMS")
			.containsEntry("dispensing", false);
		assertThat((BigDecimal) first.get("registered_patients")).isEqualByComparingTo("5707");
		assertThat((BigDecimal) first.get("weighted_patients")).isEqualByComparingTo("5113");
		assertThat((BigDecimal) first.get("total_payments")).isEqualByComparingTo("635996");
		assertThat(lines(2014, "N81632")).containsEntry("Balance of PMS Expenditure", new BigDecimal("397594.00"))
			.doesNotContainKey("Average payments per registered patient");
		assertThat(jdbc.sql("select cardinality(amounts) from contracts_payment where year_start = 2014"
				+ " and practice_code = 'N81632'")
			.query(Integer.class)
			.single()).as("every payment line, Appraisal Costs (0) among them").isEqualTo(36);
		assertThat(jdbc.sql("select contract_type from contracts_payment where year_start = 2014 order by practice_code")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("PMS", "PMS", "GMS", "PMS");
	}

	@Test
	void storesThe2019To20LayoutWithPcnColumnsAndDecimalPatients() throws IOException {
		assertThat(load(2019, "payments-19-20.csv").errors()).isEmpty();

		var first = row(2019, "E83003");
		assertThat(first).containsEntry("region_code", "Y56")
			.containsEntry("ccg_code", "07M")
			.containsEntry("ccg_name", "NHS BARNET CCG")
			.containsEntry("pcn_code", "U33392")
			.containsEntry("pcn_name", "BARNET 2 PCN");
		assertThat((BigDecimal) first.get("registered_patients")).isEqualByComparingTo("9023.5");
		assertThat((BigDecimal) first.get("weighted_patients")).isEqualByComparingTo("8292.59");
		assertThat((BigDecimal) first.get("total_payments")).isEqualByComparingTo("1131382.35");
		assertThat(lines(2019, "E83003")).containsEntry("Global Sum", new BigDecimal("730443.21"));
	}

	@Test
	void storesThe2022To23LayoutWhereCodeAndCcgNameHoldThePcn() throws IOException {
		assertThat(load(2022, "payments-22-23.csv").errors()).isEmpty();

		var first = row(2022, "A81001");
		assertThat(first).containsEntry("ccg_code", "16C")
			.containsEntry("ccg_name", "NHS NORTH EAST AND NORTH CUMBRIA ICB - 16C")
			.containsEntry("pcn_code", "U89141")
			.containsEntry("pcn_name", "STOCKTON PCN");
		assertThat((BigDecimal) first.get("registered_patients")).isEqualByComparingTo("4029.25");
		// the plain total, not the later totals with COVID or PCN payments
		assertThat((BigDecimal) first.get("total_payments")).isEqualByComparingTo("720462.51");
		assertThat(lines(2022, "A81001")).containsEntry("Global Sum", new BigDecimal("438099.78"));
	}

	@Test
	void readsThousandsSeparatorsPoundSignsDashesAndSkipsEmptyRows() {
		var report = load(2031, (HEADING + "a81001,ONE,gms,\"1,200\",-,£10.50,\"£1,000.25\"\r\n,,,,,,\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));

		assertThat(report.errors()).isEmpty();
		assertThat(report.rowsRead()).isEqualTo(1);
		var row = row(2031, "A81001");
		assertThat(row).containsEntry("contract_type", "GMS");
		assertThat((BigDecimal) row.get("registered_patients")).isEqualByComparingTo("1200");
		assertThat((BigDecimal) row.get("weighted_patients")).isEqualByComparingTo("0");
		assertThat((BigDecimal) row.get("total_payments")).isEqualByComparingTo("1000.25");
	}

	@Test
	void namesTheRowOfAnAmountThatIsNotANumberAndOfAPracticeListedTwiceAndStoresNothing() {
		byte[] file = (HEADING + "A81001,ONE,GMS,100,90,10,20\n" + "A81002,TWO,GMS,100,90,ten,20\n"
				+ "A81001,ONE AGAIN,GMS,100,90,10,20\n" + "A-1,BAD,GMS,100,90,10,99999999999999999\n")
			.getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> load(2017, file)).isInstanceOfSatisfying(PaymentsImportRejectedException.class,
				ex -> {
					assertThat(ex.report().rowsRead()).isEqualTo(4);
					assertThat(ex.report().errors()).extracting(error -> error.row() + ": " + error.message())
						.containsExactly("3: Global Sum: 'ten' is not a number", "4: practice A81001 appears twice",
								"5: 'A-1' is not a practice code",
								"5: Total NHS Payments to General Practice: '99999999999999999' is not a number");
				});
		assertThat(jdbc.sql("select count(*) from contracts_payment where year_start = 2017").query(Long.class).single())
			.isZero();
	}

	/** A row's number is its line in the file: blank lines and lines of spaces count, and are no rows and no error. */
	@Test
	void numbersEachRowByItsLineCountingBlankLinesAndLinesOfSpaces() {
		byte[] file = (HEADING + "A81001,ONE,GMS,100,90,10,20\n\n   \nA81002,TWO,GMS,100,90,ten,20\n\t\n"
				+ "A81003,THREE,GMS,100,90,10,20\nA81004,FOUR,GMS\n").getBytes(StandardCharsets.UTF_8);
		byte[] noTooFew = (HEADING + "A81001,ONE,GMS,100,90,10,20\n\n   \nA81002,TWO,GMS,100,90,ten,20\n\t\n"
				+ "A81003,THREE,GMS,100,90,10,20\n  \n").getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> load(2024, file)).isInstanceOfSatisfying(PaymentsImportRejectedException.class,
				ex -> assertThat(ex.report().errors()).singleElement()
					.satisfies(error -> assertThat(error.row()).isEqualTo(8)));
		assertThatThrownBy(() -> load(2024, noTooFew)).isInstanceOfSatisfying(PaymentsImportRejectedException.class,
				ex -> {
					assertThat(ex.report().rowsRead()).isEqualTo(3);
					assertThat(ex.report().errors()).extracting(error -> error.row() + ": " + error.message())
						.containsExactly("5: Global Sum: 'ten' is not a number");
				});
	}

	@Test
	void namesAnAmountTooLargeForItsColumnWhenTheRowsAreOtherwiseRight() {
		byte[] file = (HEADING + "A81001,ONE,GMS,100,90,10,20\n" + "A81002,TWO,GMS,100,90,10,1e30\n")
			.getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> load(2018, file)).isInstanceOfSatisfying(PaymentsImportRejectedException.class,
				ex -> assertThat(ex.report().errors()).extracting(error -> error.row() + ": " + error.message())
					.containsExactly("3: Total NHS Payments to General Practice: '1e30' is not a number"));
	}

	@Test
	void refusesARowWithTooFewColumnsNamingIt() {
		byte[] file = (HEADING + "A81001,ONE,GMS,100,90,10,20\n" + "A81002,TWO,GMS\n").getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> load(2035, file)).isInstanceOfSatisfying(PaymentsImportRejectedException.class,
				ex -> assertThat(ex.report().errors()).singleElement()
					.satisfies(error -> assertThat(error.row()).isEqualTo(3)));
	}

	/** Larger than one read of the rows: the stream that dropped empty lines once never returned for a read of none. */
	@Test
	@Timeout(120)
	void storesAFileOfManyRowsWithEmptyLinesBetween() {
		StringBuilder file = new StringBuilder(HEADING);
		for (int p = 0; p < 2_000; p++) {
			file.append(String.format("B%05d,PRACTICE %d,PMS,1000,900,10,20\r\n", p, p)).append(p % 500 == 0 ? "\r\n" : "");
		}

		var report = load(2023, file.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(report.errors()).isEmpty();
		assertThat(report.stored()).isEqualTo(2_000);
	}

	/** The import answers without waiting for the register, which is fed from the year after the import's commit. */
	@Test
	void feedsTheRegisterFromTheYearAfterTheImportCommits() {
		var report = load(2032, (HEADING + "P99001,NINETY-NINE,APMS,100,90,10,20\n").getBytes(StandardCharsets.UTF_8));

		assertThat(report.stored()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(jdbc.sql("select count(*) from contracts_payment_import where year_start = 2032"
					+ " and outcome = 'COMMITTED' and register_fed_at is null").query(Long.class).single()).isZero());
		assertThat(jdbc.sql("select contract_type from contracts_contract where practice_code = 'P99001'")
			.query(String.class)
			.single()).isEqualTo("APMS");
	}

	/**
	 * A re-import replaces the year's rows; the rows read are the new file's at once, any table no year reads is dropped
	 * once the import has committed, when the register is fed, and each year's table is then indexed on the practice
	 * code.
	 */
	@Test
	void aReimportReplacesTheYearsRows() {
		load(2025, (HEADING + "A81001,ONE,GMS,100,90,10,20\nA81002,TWO,GMS,100,90,10,20\n").getBytes(StandardCharsets.UTF_8));
		load(2025, (HEADING + "A81001,ONE,PMS,100,90,10,30\n").getBytes(StandardCharsets.UTF_8));

		assertThat(jdbc.sql("select practice_code, contract_type, total_payments from contracts_payment"
				+ " where year_start = 2025").query().listOfRows()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("practice_code", "A81001").containsEntry("contract_type", "PMS"));
		payments.feedRegister();
		assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = (select table_name"
				+ " from contracts_payment_year where year_start = 2025)").query(Long.class).single())
			.as("the year's table indexed on the practice code").isOne();
		assertThat(jdbc.sql("select count(*) from pg_tables where tablename like 'contracts_payment_rows_%'")
			.query(Long.class)
			.single()).as("one table a year").isEqualTo(jdbc.sql("select count(*) from contracts_payment_year"
					+ " where table_name is not null").query(Long.class).single());
	}

	/**
	 * A re-import of the same layout goes into the year's own table, emptied, under the view it has: the rows and the
	 * import read are the new file's, and the index dropped for the COPY is made again once the import has committed.
	 */
	@Test
	void aReimportOfTheSameLayoutKeepsTheYearsTableAndView() {
		load(2034, (HEADING + "A81001,ONE,GMS,100,90,10,20\nA81002,TWO,GMS,100,90,10,20\n").getBytes(StandardCharsets.UTF_8));
		payments.feedRegister();
		String table = yearTable(2034);
		long view = yearViewOid(2034);

		load(2034, (HEADING + "A81002,TWO,PMS,100,90,10,30\n").getBytes(StandardCharsets.UTF_8));

		assertThat(yearTable(2034)).isEqualTo(table);
		assertThat(yearViewOid(2034)).as("the year's view, not made anew").isEqualTo(view);
		assertThat(jdbc.sql("select practice_code, contract_type, import_id from contracts_payment where year_start = 2034")
			.query()
			.listOfRows()).singleElement()
			.satisfies(row -> assertThat(row).containsEntry("practice_code", "A81002")
				.containsEntry("contract_type", "PMS")
				.containsEntry("import_id", lastImport(2034)));
		payments.feedRegister();
		assertThat(jdbc.sql("select count(*) from pg_indexes where tablename = ?").param(table).query(Long.class).single())
			.as("the kept table indexed again").isOne();
	}

	/** A re-import refused after the year's own table was emptied for it leaves the year's rows as they were. */
	@Test
	void aRefusedReimportLeavesTheKeptTableAsItWas() {
		load(2035, (HEADING + "A81001,ONE,GMS,100,90,10,20\n").getBytes(StandardCharsets.UTF_8));
		long imported = lastImport(2035);

		assertThatThrownBy(() -> load(2035, (HEADING + "A81001,ONE,PMS,100,90,ten,30\n").getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(PaymentsImportRejectedException.class);

		assertThat(jdbc.sql("select contract_type, import_id from contracts_payment where year_start = 2035")
			.query()
			.singleRow()).containsEntry("contract_type", "GMS").containsEntry("import_id", imported);
	}

	/**
	 * A re-import that needs cleaning (a thousands separator) goes into a new table of its converted columns, with a view
	 * of its own; so does the next one, which a table of numbers cannot take as published.
	 */
	@Test
	void aReimportThatNeedsCleaningGoesIntoANewTable() {
		load(2036, (HEADING + "A81001,ONE,GMS,100,90,10,20\n").getBytes(StandardCharsets.UTF_8));
		String asPublished = yearTable(2036);

		load(2036, (HEADING + "A81001,ONE,GMS,\"1,000\",90,10,20\n").getBytes(StandardCharsets.UTF_8));
		String cleaned = yearTable(2036);
		load(2036, (HEADING + "A81001,ONE,PMS,200,90,10,20\n").getBytes(StandardCharsets.UTF_8));

		assertThat(cleaned).isNotEqualTo(asPublished);
		assertThat(yearTable(2036)).isNotIn(asPublished, cleaned);
		assertThat(row(2036, "A81001")).containsEntry("contract_type", "PMS")
			.satisfies(row -> assertThat((BigDecimal) row.get("registered_patients")).isEqualByComparingTo("200"));
	}

	private String yearTable(int year) {
		return jdbc.sql("select table_name from contracts_payment_year where year_start = ?")
			.param(year)
			.query(String.class)
			.single();
	}

	private long yearViewOid(int year) {
		return jdbc.sql("select cast(to_regclass(?) as oid)").param("contracts_payment_in_" + year).query(Long.class).single();
	}

	private long lastImport(int year) {
		return jdbc.sql("select max(id) from contracts_payment_import where year_start = ? and outcome = 'COMMITTED'")
			.param(year)
			.query(Long.class)
			.single();
	}

	/** One practice's reads find its row in each year's table by the index on the code as the view reads it. */
	@Test
	void onePracticesReadsUseEachYearsIndex() {
		load(2030, (HEADING + "A81001,ONE,GMS,100,90,10,20\nA81002,TWO,GMS,100,90,10,20\n").getBytes(StandardCharsets.UTF_8));
		payments.feedRegister();

		String plan = new org.springframework.transaction.support.TransactionTemplate(transactionManager)
			.execute(status -> {
				jdbc.sql("set local enable_seqscan = off").update();
				return String.join("\n", jdbc.sql("explain select year_start, total_payments from contracts_payment"
						+ " where practice_code = 'A81002'").query(String.class).list());
			});

		assertThat(plan).contains("_practice").doesNotContain("Seq Scan on contracts_payment_rows");
	}

	/**
	 * The view of every year is made anew when it does not read the year imported, as in a database from before the
	 * years had views of their own: every year is read again, not only the one imported.
	 */
	@Test
	void theViewOfEveryYearIsMadeAnewWhenItDoesNotReadTheYearImported() {
		load(2027, (HEADING + "A81001,ONE,GMS,100,90,10,20\n").getBytes(StandardCharsets.UTF_8));
		load(2033, (HEADING + "A81002,TWO,APMS,100,90,10,25\n").getBytes(StandardCharsets.UTF_8));
		jdbc.sql("create or replace view contracts_payment as select * from contracts_payment_in_2027").update();

		load(2033, (HEADING + "A81002,TWO,PMS,100,90,10,30\n").getBytes(StandardCharsets.UTF_8));

		assertThat(jdbc.sql("select year_start, contract_type from contracts_payment where year_start in (2027, 2033)"
				+ " order by year_start").query().listOfRows()).extracting(row -> row.get("contract_type"))
			.containsExactly("GMS", "PMS");
	}

	/**
	 * The view of every year reads the years up to ten after the current one before they are imported, each through a
	 * view of no rows: a year's first import among them makes its own view only, and the view of every year is left as
	 * it is. A year further ahead is read too, the view of every year made anew for it.
	 */
	@Test
	void aYearsFirstImportLeavesTheViewOfEveryYearAsItIsUnlessTheYearIsFarAhead() {
		load(2099, (HEADING + "A81001,ONE,GMS,100,90,10,20\n").getBytes(StandardCharsets.UTF_8));
		long before = viewOfEveryYearWritten();
		// a year within ten of the current one that no test has imported yet
		int year = jdbc.sql("select min(y) from generate_series(2014, ?) y"
				+ " where not exists (select 1 from contracts_payment_year where year_start = y)")
			.param(FinancialYear.containing(java.time.LocalDate.now()).startYear() + 10)
			.query(Integer.class)
			.single();
		assertThat(jdbc.sql("select count(*) from contracts_payment where year_start = ?").param(year)
			.query(Long.class).single()).as("a year not yet imported").isZero();

		load(year, (HEADING + "A81002,TWO,APMS,100,90,10,25\n").getBytes(StandardCharsets.UTF_8));

		assertThat(viewOfEveryYearWritten()).as("the view of every year as it was").isEqualTo(before);
		assertThat(jdbc.sql("select year_start, contract_type from contracts_payment where year_start in (?, 2099)"
				+ " order by year_start").param(year).query().listOfRows()).extracting(row -> row.get("contract_type"))
			.containsExactly("APMS", "GMS");
	}

	/** The transaction that last wrote the rule of the view of every year. */
	private long viewOfEveryYearWritten() {
		return jdbc.sql("select cast(cast(xmin as text) as bigint) from pg_rewrite"
				+ " where ev_class = cast('contracts_payment' as regclass)").query(Long.class).single();
	}

	/** A year stored as published keeps its amounts as published and reads them converted: decimals, signs, spaces. */
	@Test
	void readsAYearStoredAsPublishedConverted() {
		load(2029, (HEADING + "a81003 , THREE ,pms, 1234.5 ,1000,\"-12.345\",+99.99\n").getBytes(StandardCharsets.UTF_8));

		assertThat(row(2029, "A81003")).satisfies(row -> {
			assertThat(row).containsEntry("practice_name", "THREE").containsEntry("contract_type", "PMS");
			assertThat((BigDecimal) row.get("registered_patients")).isEqualByComparingTo("1234.5");
			assertThat((BigDecimal) row.get("total_payments")).isEqualByComparingTo("99.99");
		});
		assertThat(lines(2029, "A81003")).containsEntry("Global Sum", new BigDecimal("-12.35"));
		assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = (select table_name"
				+ " from contracts_payment_year where year_start = 2029) and column_name = 'c6'").query(String.class)
			.single()).as("stored as published, as text").isEqualTo("text");
	}

	/**
	 * The file's own bytes go to the database's CSV reader: quoted fields, quotes within them, a line feed within
	 * quotes, a blank line and a carriage return before each line feed are read as the reader reads them, and the year
	 * is still stored as published.
	 */
	@Test
	void storesQuotedFieldsAndBlankLinesAsPublished() {
		PaymentsImportReport report = load(2039, (HEADING.replace("\n", "\r\n")
				+ "A81001,\"The \"\"Old\"\" Surgery, Leeds\",GMS,100,90,10,20\r\n\r\n"
				+ "\"A81002\",\"Two\nLines\",\"PMS\",100,90,\"10\",20\r\n").getBytes(StandardCharsets.UTF_8));

		assertThat(report.stored()).isEqualTo(2);
		assertThat(row(2039, "A81001")).containsEntry("practice_name", "The \"Old\" Surgery, Leeds");
		assertThat(row(2039, "A81002")).containsEntry("practice_name", "Two\nLines").containsEntry("contract_type", "PMS");
		assertThat(jdbc.sql("select data_type from information_schema.columns where table_name = (select table_name"
				+ " from contracts_payment_year where year_start = 2039) and column_name = 'c6'").query(String.class)
			.single()).as("stored as published, as text").isEqualTo("text");
	}

	/**
	 * A file whose lines end in two ways (rows added in another editor) means the same rows: stored, as published or
	 * cleaned, with a warning at the first row that ends otherwise.
	 */
	@Test
	void storesAFileWithLineEndingsOfTwoKindsWithAWarning() {
		var asPublished = load(2037, (HEADING + "A81001,ONE,GMS,100,90,10,20\r\nA81002,TWO,PMS,100,90,10,20\n")
			.getBytes(StandardCharsets.UTF_8));
		var cleaned = load(2038, (HEADING + "A81001,ONE,GMS,\"1,000\",90,10,20\nA81002,TWO,PMS,100,90,10,20\r\n")
			.getBytes(StandardCharsets.UTF_8));

		for (PaymentsImportReport report : java.util.List.of(asPublished, cleaned)) {
			assertThat(report.stored()).isEqualTo(2);
			assertThat(report.warnings()).extracting(warning -> warning.row() + ": " + warning.message())
				.contains("3: This row's line ends otherwise than the first row's (line endings of two kinds): each is"
						+ " read as the end of a row");
		}
		// the same practices, so the same warnings from the directory, on either path
		assertThat(asPublished.warnings()).extracting(ImportMessage::message)
			.anyMatch(message -> message.startsWith("Practice A81002 (TWO) is not in the directory"));
		assertThat(cleaned.warnings()).extracting(ImportMessage::message)
			.containsExactlyElementsOf(asPublished.warnings().stream().map(ImportMessage::message).toList());
		assertThat(row(2038, "A81002")).containsEntry("contract_type", "PMS");
		assertThat((BigDecimal) row(2038, "A81001").get("registered_patients")).isEqualByComparingTo("1000");
	}

	@Test
	void refusesNegativePatientsNamingTheRow() {
		byte[] file = (HEADING + "A81001,ONE,GMS,100,90,10,20\n" + "A81002,TWO,GMS,100,-90,10,20\n")
			.getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> load(2026, file)).isInstanceOfSatisfying(PaymentsImportRejectedException.class,
				ex -> assertThat(ex.report().errors()).extracting(error -> error.row() + ": " + error.message())
					.containsExactly("3: Number of Weighted Patients: '-90' is negative"));
		assertThat(jdbc.sql("select count(*) from contracts_payment where year_start = 2026").query(Long.class).single())
			.isZero();
	}

	@Test
	void refusesAFileThatIsNotAPaymentsFile() {
		assertThatThrownBy(() -> load(2021, "PRACTICE,PATIENTS\nA81001,100\n".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(PaymentsImportRejectedException.class, ex -> assertThat(ex.report().errors())
				.singleElement()
				.satisfies(error -> {
					assertThat(error.row()).isEqualTo(1);
					assertThat(error.message()).contains("no column practice code");
				}));
	}
}

package org.cocommission.outcomes.imports;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ImportError;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImportRejectedException;
import org.cocommission.outcomes.ObservationImportReport;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesTestData;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.outcomes.compute.ValueComputation;
import org.cocommission.outcomes.statistics.ByarsMethod;
import org.cocommission.outcomes.statistics.ConfidenceLevel;
import org.cocommission.outcomes.statistics.Interval;
import org.cocommission.outcomes.statistics.WilsonScore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.cocommission.outcomes.OutcomesTestData.as;
import static org.cocommission.outcomes.OutcomesTestData.sample;
import static org.cocommission.outcomes.OutcomesTestData.stream;

/** Imports in the three formats, their row-level checks, and the values computed after them. */
@SpringBootTest(properties = "cocommission.test.context=outcomes")
@AutoConfigureMockMvc
class OutcomesImportTests {

	private static final String HEADER = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n";

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final UserDetailsService users;

	private final ObservationImports imports;

	private final OutcomesValues values;

	@Autowired
	OutcomesImportTests(JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			UserDetailsService users, ObservationImports imports, OutcomesValues values) {
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
		this.users = users;
		this.imports = imports;
		this.values = values;
	}

	@BeforeEach
	void directory() {
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
	}

	@Test
	void aggregatesBySummingNumeratorsAndDenominatorsAtEveryLevel() {
		importLong(HEADER + """
				A81001,PRAC-FLU65,2019/20,50,100
				A81002,PRAC-FLU65,2019/20,30,60
				B00001,PRAC-FLU65,2019/20,700,1000
				B00002,PRAC-FLU65,2019/20,80,100
				A81004,PRAC-FLU65,2019/20,10,50
				A81005,PRAC-FLU65,2019/20,400,500
				A81006,PRAC-FLU65,2019/20,75,100
				B00003,PRAC-FLU65,2019/20,90,200
				""");
		ValueRow first = only(level(OutcomesLevel.CCG), "01A");
		assertThat(first.numerator()).isEqualTo(860);
		assertThat(first.denominator()).isEqualTo(1260);
		// Sum over sum (68.25%), not the mean of the practices' percentages (61.25%).
		assertThat(first.value()).isCloseTo(100.0 * 860 / 1260, within(1e-9));
		Interval wilson = WilsonScore.interval(860, 1260, ConfidenceLevel.NINETY_FIVE);
		assertThat(first.lower95()).isCloseTo(wilson.lower() * 100, within(1e-9));
		assertThat(first.upper998()).isCloseTo(
				WilsonScore.interval(860, 1260, ConfidenceLevel.NINETY_NINE_POINT_EIGHT).upper() * 100, within(1e-9));
		ValueRow england = only(level(OutcomesLevel.ENGLAND), ValueComputation.ENGLAND);
		assertThat(england.numerator()).isEqualTo(1435);
		assertThat(england.denominator()).isEqualTo(2110);
		assertThat(england.comparedToEngland()).isEqualTo("NOT_COMPARED");
		assertThat(only(level(OutcomesLevel.AREA_TEAM), "Q01").numerator()).isEqualTo(1435);
		assertThat(only(level(OutcomesLevel.REGION), "Y01").denominator()).isEqualTo(2110);
		// 01A at 68.3% (64.6 to 71.6) against England's 68.0%: similar; flu uptake is high-is-good.
		assertThat(first.comparedToEngland()).isEqualTo("SIMILAR");
		assertThat(only(level(OutcomesLevel.PRACTICE), "A81004").comparedToEngland()).isEqualTo("WORSE");
		assertThat(only(level(OutcomesLevel.PRACTICE), "A81005").comparedToEngland()).isEqualTo("BETTER");
		assertThat(only(level(OutcomesLevel.PRACTICE), "A81005").parentCode()).isEqualTo("01B");
		// The audit trail's record of the import keeps its field names (ObservationImports.Imported).
		String imported = "(select max(id) from audit_event where action = 'OUTCOMES_OBSERVATIONS_IMPORTED')";
		assertThat(jdbc.sql("select string_agg(k, ',' order by k) from audit_event, jsonb_object_keys(after_state) k"
				+ " where id = " + imported).query(String.class).single())
			.isEqualTo("fileName,format,indicatorPeriods,indicatorsDefined,rowsRead,stored,warnings");
		assertThat(jdbc.sql("select after_state ->> 'fileName' || ' ' || (after_state ->> 'rowsRead') from audit_event"
				+ " where id = " + imported).query(String.class).single()).isEqualTo("long.csv 8");
	}

	@Test
	void practiceDecilesFollowTheHandWorkedMethod() {
		importLong(HEADER + """
				A81001,PRAC-CERV,2019-Q1,10,100
				A81002,PRAC-CERV,2019-Q1,20,100
				B00001,PRAC-CERV,2019-Q1,30,100
				B00002,PRAC-CERV,2019-Q1,40,100
				A81004,PRAC-CERV,2019-Q1,50,100
				A81005,PRAC-CERV,2019-Q1,60,100
				""");
		var series = as(users, "outcomes-practice", () -> values.deciles("PRAC-CERV", OutcomesLevel.PRACTICE, "A81002"));
		assertThat(series.periods()).containsExactly("2019-Q1");
		assertThat(series.cuts().get(0)).containsExactly(15, 20, 25, 30, 35, 40, 45, 50, 55);
		assertThat(series.orgValues()).containsExactly(20.0);
		List<ValueRow> practices = level(OutcomesLevel.PRACTICE, "PRAC-CERV", "2019-Q1");
		assertThat(only(practices, "A81001").decile()).isEqualTo(1);
		assertThat(only(practices, "A81002").decile()).isEqualTo(2);
		assertThat(only(practices, "A81005").decile()).isEqualTo(10);
	}

	@Test
	void rejectsInvalidRowsWithTheirNumbersAndStoresNothing() {
		long before = observations();
		assertThatThrownBy(() -> importLong(HEADER + """
				ZZZ999,PRAC-FLU65,2019/20,1,10
				A81001,NO-SUCH,2019/20,1,10
				A81001,PRAC-FLU65,2019/20,-1,10
				A81002,PRAC-FLU65,2019/20,11,10
				B00001,PRAC-FLU65,2019/20,1,10
				B00001,PRAC-FLU65,2019/20,2,10
				B00002,PRAC-FLU65,2019-13,1,10
				01A,PRAC-FLU65,2019/20,1,10
				B00003,PRAC-FLU65,2019/20,5,
				""")).isInstanceOfSatisfying(ObservationImportRejectedException.class, ex -> {
			assertThat(ex.report().rowsRead()).isEqualTo(9);
			// Row 5, a numerator above the denominator of a proportion, is a warning, not an error (issue 16).
			assertThat(ex.report().errors()).extracting(ImportError::row).containsExactly(2L, 3L, 4L, 7L, 8L, 9L, 10L);
			assertThat(ex.report().errors().get(0).message()).contains("unknown organisation ZZZ999");
			assertThat(ex.report().errors().get(1).message()).contains("unknown indicator NO-SUCH");
			assertThat(ex.report().errors().get(2).message()).contains("negative");
			assertThat(ex.report().errors().get(3).message()).contains("duplicate of row 6");
			assertThat(ex.report().errors().get(4).message()).contains("2019-13");
			assertThat(ex.report().errors().get(5).message()).contains("01A is not a GP practice");
			assertThat(ex.report().errors().get(6).message()).contains("DENOMINATOR is required");
		});
		assertThat(observations()).isEqualTo(before);
	}

	@Test
	void reimportReplacesTheSameKeys() {
		long first = importLong(HEADER + "A81001,PRAC-GPPS,2019-05,50,100\nA81002,PRAC-GPPS,2019-05,10,100\n").importId();
		long second = importLong(HEADER + "A81001,PRAC-GPPS,2019-05,60,100\n").importId();
		assertThat(jdbc.sql("select numerator from outcomes_observation where indicator_id = 'PRAC-GPPS' and org_code = 'A81001'")
			.query(Double.class)
			.list()).containsExactly(60.0);
		assertThat(only(level(OutcomesLevel.ENGLAND, "PRAC-GPPS", "2019-05"), ValueComputation.ENGLAND).numerator())
			.isEqualTo(70);
		assertThat(jdbc.sql("select org_code, import_id from outcomes_observation where indicator_id = 'PRAC-GPPS'")
			.query((rs, row) -> rs.getString(1) + " " + rs.getLong(2))
			.list()).containsExactly("A81001 " + second, "A81002 " + first);
	}

	@Test
	void aReimportMergesIntoTheStoredSliceInCodeOrder() {
		importLong(HEADER + "B00001,PRAC-GPPS,2019-05,5,100\nA81004,PRAC-GPPS,2019-05,4,100\n");
		importLong(HEADER + "A81001,PRAC-GPPS,2019-05,1,100\nA81005,PRAC-GPPS,2019-05,6,100\nA81004,PRAC-GPPS,2019-05,44,100\n");
		assertThat(jdbc.sql("select org_code || ' ' || numerator from outcomes_observation where indicator_id = 'PRAC-GPPS'")
			.query(String.class)
			.list()).containsExactly("A81001 1", "A81004 44", "A81005 6", "B00001 5");
	}

	@Test
	void aPracticesLatestPeriodIsTheLatestSliceThatHasIt() {
		importLong(HEADER + """
				A81001,PRAC-GPPS,2019-05,1,100
				A81002,PRAC-GPPS,2019-05,2,100
				A81002,PRAC-GPPS,2019-06,3,100
				A81002,PRAC-GPPS,2019-07,4,100
				A81001,PRAC-FLU65,2019/20,5,100
				""");
		assertThat(as(users, "outcomes-national", () -> values.latestPeriods(OutcomesLevel.PRACTICE, "A81001")))
			.containsExactly(java.util.Map.entry("PRAC-FLU65", "2019/20"), java.util.Map.entry("PRAC-GPPS", "2019-05"));
		assertThat(as(users, "outcomes-national", () -> values.latestPeriods(OutcomesLevel.PRACTICE, "A81002")))
			.containsExactly(java.util.Map.entry("PRAC-GPPS", "2019-07"));
		assertThat(as(users, "outcomes-national", () -> values.latestPeriods(OutcomesLevel.PRACTICE, "A81009"))).isEmpty();
	}

	@Test
	void rowsWrittenAnyWayTheCsvAllowsAreReadAlike() {
		importLong(HEADER + """
				"A81001",PRAC-GPPS,2019-05,12.0,100
				 a81002 ,PRAC-GPPS, 2019-05 , 1e1 ,100.0
				B00001,"PRAC-GPPS",2019-05,"1,000",2000
				B00002,PRAC-GPPS,2019-05,1E0,3
				B00003,PRAC-GPPS,2019-05,007.000,10.
				""");
		// Counts are whole (a fractional one is refused, BadInputTests), however the CSV writes them.
		assertThat(jdbc.sql("select org_code, numerator, denominator from outcomes_observation where indicator_id = 'PRAC-GPPS'")
			.query((rs, row) -> rs.getString(1) + " " + rs.getDouble(2) + " " + rs.getDouble(3))
			.list()).containsExactly("A81001 12.0 100.0", "A81002 10.0 100.0", "B00001 1000.0 2000.0",
					"B00002 1.0 3.0", "B00003 7.0 10.0");
	}

	@Test
	void aBlankPopulationDenominatorIsTheRegisteredListOfThePeriodsQuarter() {
		importLong(HEADER + "A81001,PRAC-EMADM,2019-11,25,\nA81002,PRAC-EMADM,2019-11,40,\n");
		List<ValueRow> practices = level(OutcomesLevel.PRACTICE, "PRAC-EMADM", "2019-11");
		ValueRow a81001 = only(practices, "A81001");
		assertThat(a81001.denominator()).isEqualTo(5_000);
		assertThat(a81001.value()).isCloseTo(5.0, within(1e-9));
		Interval byar = ByarsMethod.rateLimits(25, 5_000, 1_000, ConfidenceLevel.NINETY_FIVE);
		assertThat(a81001.lower95()).isCloseTo(byar.lower(), within(1e-9));
		assertThat(only(level(OutcomesLevel.CCG, "PRAC-EMADM", "2019-11"), "01A").denominator()).isEqualTo(11_000);
	}

	@Test
	void importsTheQofPrevalenceFileAsPublished() {
		ObservationImportReport report = as(users, "outcomes-national", () -> imports.importFile(
				ImportFormat.QOF_PREVALENCE, "2019/20", "qof.csv", stream(sample("qof-prevalence-excerpt.csv"))));
		assertThat(report.rowsRead()).isEqualTo(42);
		assertThat(report.stored()).isEqualTo(42);
		ValueRow diabetes = only(level(OutcomesLevel.PRACTICE, "QOF-DM", "2019/20"), "A81001");
		assertThat(diabetes.numerator()).isEqualTo(286);
		assertThat(diabetes.denominator()).isEqualTo(3307);
		assertThat(diabetes.lower95()).isCloseTo(7.737678, within(1e-5));
		assertThat(only(level(OutcomesLevel.CCG, "QOF-DM", "2019/20"), "01A").numerator()).isEqualTo(286 + 1258);
	}

	@Test
	void qofPrevalenceNeedsTheYearOfTheFile() {
		assertThatThrownBy(() -> as(users, "outcomes-national", () -> imports.importFile(ImportFormat.QOF_PREVALENCE,
				null, "qof.csv", stream(sample("qof-prevalence-excerpt.csv")))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("2019/20");
	}

	@Test
	void importsAFingertipsExportKeepingPracticeDeprivationAndSkippingEngland() {
		ObservationImportReport report = as(users, "outcomes-national", () -> imports.importFile(ImportFormat.FINGERTIPS,
				null, "fingertips.csv", stream(sample("fingertips-export-excerpt.csv"))));
		assertThat(report.rowsRead()).isEqualTo(7);
		assertThat(report.skipped()).isEqualTo(2);
		assertThat(report.stored()).isEqualTo(5);
		assertThat(jdbc.sql("select value from outcomes_org_attribute where org_code = 'A81001' and attribute = 'DEPRIVATION'")
			.query(Double.class)
			.single()).isCloseTo(32.3609392614188, within(1e-9));
	}

	private ObservationImportReport importLong(String csv) {
		return as(users, "outcomes-national", () -> imports.importFile(ImportFormat.LONG, null, "long.csv", stream(csv)));
	}

	private List<ValueRow> level(OutcomesLevel level) {
		return level(level, "PRAC-FLU65", "2019/20");
	}

	private List<ValueRow> level(OutcomesLevel level, String indicator, String period) {
		return as(users, "outcomes-national", () -> values.values(indicator, level, period, null));
	}

	private static ValueRow only(List<ValueRow> rows, String code) {
		return rows.stream().filter(row -> row.orgCode().equals(code)).findFirst().orElseThrow();
	}

	private long observations() {
		return jdbc.sql("select count(*) from outcomes_observation").query(Long.class).single();
	}
}

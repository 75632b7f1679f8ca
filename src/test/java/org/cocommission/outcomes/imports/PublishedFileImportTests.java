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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.outcomes.OutcomesTestData.as;
import static org.cocommission.outcomes.OutcomesTestData.sample;
import static org.cocommission.outcomes.OutcomesTestData.stream;

/**
 * Published files import as published (issue 16, item 1): the QOF prevalence file with a register above the list, a
 * byte order mark, CRLF, quoting, trailing columns and blank lines at the end, other years' header names; warnings
 * stored and listed, errors only for rows that cannot be meant.
 */
@SpringBootTest(properties = "cocommission.test.context=outcomes")
@AutoConfigureMockMvc
class PublishedFileImportTests {

	private static final String QOF_HEADER = "PRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PATIENT_LIST_SIZE";

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final UserDetailsService users;

	private final ObservationImports imports;

	private final OutcomesValues values;

	private final org.cocommission.outcomes.Indicators indicators;

	@Autowired
	PublishedFileImportTests(JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			UserDetailsService users, ObservationImports imports, OutcomesValues values,
			org.cocommission.outcomes.Indicators indicators) {
		this.indicators = indicators;
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

	/** Six practices, one of them (B00001) serving a special population: a learning disability register above its list. */
	private static final String SPECIAL_POPULATION = QOF_HEADER + "\n" + """
			A81001,LD,25,TOTAL,4111
			A81002,LD,60,TOTAL,15801
			B00001,LD,130,TOTAL,120
			B00002,LD,40,TOTAL,8000
			A81004,LD,30,TOTAL,9000
			A81005,LD,35,TOTAL,10000
			A81006,LD,20,TOTAL,11000
			""";

	@Test
	void aRegisterAboveTheListIsAStoredWarningShownOver100PercentWithoutIntervalOrDecile() {
		ObservationImportReport report = qof(SPECIAL_POPULATION);
		assertThat(report.errors()).isEmpty();
		assertThat(report.stored()).isEqualTo(7);
		assertThat(report.warnings()).extracting(ImportError::row).containsExactly(4L);
		assertThat(report.warnings().get(0).message()).contains("numerator 130 is above denominator 120");
		assertThat(jdbc.sql("select warnings::text from outcomes_import where id = ?")
			.param(report.importId())
			.query(String.class)
			.single()).contains("above denominator");

		List<ValueRow> practices = level(OutcomesLevel.PRACTICE);
		ValueRow special = only(practices, "B00001");
		assertThat(special.value()).isCloseTo(108.333, org.assertj.core.api.Assertions.within(1e-3));
		assertThat(special.lower95()).isNull();
		assertThat(special.upper998()).isNull();
		assertThat(special.decile()).isNull();
		assertThat(special.comparedToEngland()).isEqualTo("NOT_COMPARED");
		assertThat(special.aboveDenominator()).isTrue();
		assertThat(only(practices, "A81001").aboveDenominator()).isFalse();
		assertThat(only(practices, "A81001").decile()).isNotNull();
		// Left out of the deciles: six practices' values make the cut points, not seven.
		assertThat(jdbc.sql("select organisations from outcomes_decile where indicator_id = 'QOF-LD' and level = 'PRACTICE'")
			.query(Integer.class)
			.single()).isEqualTo(6);
		assertThat(jdbc.sql("select highest from outcomes_range where indicator_id = 'QOF-LD' and level = 'PRACTICE'")
			.query(Double.class)
			.single()).isLessThan(100);
		// Counted in every sum, as NHS Digital's CCG tables count it.
		assertThat(only(level(OutcomesLevel.CCG), "01A").numerator()).isEqualTo(25 + 60 + 130 + 40);
		assertThat(only(level(OutcomesLevel.CCG), "01A").denominator()).isEqualTo(4111 + 15801 + 120 + 8000);
		assertThat(only(level(OutcomesLevel.ENGLAND), ValueComputation.ENGLAND).numerator())
			.isEqualTo(25 + 60 + 130 + 40 + 30 + 35 + 20);
	}

	@Test
	void theFileImportsAsPublishedWithBomCrlfQuotesTrailingColumnsAndBlankLinesAtTheEnd() {
		String published = "\uFEFF" + (QOF_HEADER + ",\n" + """
				"A81001","DM",286,"17OV",3307,
				A81002,DM,1258,17OV,15801,
				B00001,DM,"1,130",17OV,1120,
				,,,,,

				""").replace("\n", "\r\n");
		ObservationImportReport report = qof(published);
		assertThat(report.errors()).isEmpty();
		assertThat(report.rowsRead()).isEqualTo(3);
		assertThat(report.stored()).isEqualTo(3);
		assertThat(report.warnings()).extracting(ImportError::row).containsExactly(4L);
		assertThat(jdbc.sql("select org_code || ' ' || numerator || ' ' || denominator from outcomes_observation"
				+ " where indicator_id = 'QOF-DM' order by org_code")
			.query(String.class)
			.list()).containsExactly("A81001 286 3307", "A81002 1258 15801", "B00001 1130 1120");
	}

	@Test
	void otherYearsHeaderNamesAndColumnOrderAreRead() {
		ObservationImportReport report = qof("""
				INDICATOR_GROUP_CODE,PRACTICE_CODE,PATIENT_LIST_SIZE,REGISTER,CCG_CODE
				DM,A81001,3307,286,01A
				""");
		assertThat(report.stored()).isEqualTo(1);
		assertThat(only(level(OutcomesLevel.PRACTICE, "QOF-DM"), "A81001").numerator()).isEqualTo(286);
	}

	@Test
	void rowsThatCannotBeMeantStillRejectTheWholeFile() {
		long before = jdbc.sql("select count(*) from outcomes_observation").query(Long.class).single();
		assertThatThrownBy(() -> qof(QOF_HEADER + "\n" + """
				A81001,DM,286,17OV,3307
				A81002,DM,-3,17OV,15801
				B00001,DM,12,17OV,many
				ZZZ999,DM,1,17OV,10
				A81001,DM,286,17OV,3307
				B00002,DM,300,17OV,200
				""")).isInstanceOfSatisfying(ObservationImportRejectedException.class, ex -> {
			assertThat(ex.report().errors()).extracting(ImportError::row).containsExactly(3L, 4L, 5L, 6L);
			assertThat(ex.report().errors().get(3).message()).contains("duplicate of row 2");
		});
		assertThat(jdbc.sql("select count(*) from outcomes_observation").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theSampleStillImportsWithoutWarnings() {
		ObservationImportReport report = qof(sample("qof-prevalence-excerpt.csv"));
		assertThat(report.stored()).isEqualTo(42);
		assertThat(report.warnings()).isEmpty();
	}

	private static final String BANDS = "ORG_CODE,INDICATOR_ID,PERIOD,AGE_BAND,SEX,NUMERATOR,POPULATION\n";

	@Test
	void aStandardisedRateWithAgeBandsIsDobsonsOverEachLevelsBands() {
		// Without bands the indicator is not labelled standardised: a crude rate by Byar's method.
		assertThat(indicator("CCGOIS-1.2").type()).isEqualTo(org.cocommission.outcomes.IndicatorType.CRUDE_RATE);
		ObservationImportReport report = as(users, "outcomes-national", () -> imports.importFile(
				ImportFormat.AGE_BANDS, null, "bands.csv", stream(BANDS + """
						01A,CCGOIS-1.2,2019/20,60_64,MALE,5,1000
						01A,CCGOIS-1.2,2019/20,65-69,MALE,20,1500
						01A,CCGOIS-1.2,2019/20,70_74,FEMALE,60,1200
						01B,CCGOIS-1.2,2019/20,60_64,MALE,4,500
						01B,CCGOIS-1.2,2019/20,65_69,M,16,900
						01B,CCGOIS-1.2,2019/20,70_74,F,30,700
						""")));
		assertThat(report.stored()).isEqualTo(2);
		assertThat(indicator("CCGOIS-1.2").type()).isEqualTo(org.cocommission.outcomes.IndicatorType.DSR);
		List<ValueRow> ccgs = as(users, "outcomes-national",
				() -> values.values("CCGOIS-1.2", OutcomesLevel.CCG, "2019/20", null));
		ValueRow first = only(ccgs, "01A");
		assertThat(first.numerator()).isEqualTo(85);
		assertThat(first.denominator()).isEqualTo(3700);
		// (5 x 6000/1000 + 20 x 5500/1500 + 60 x 5000/1200) / (6000 + 5500 + 5000) x 100,000
		double dsr = (5.0 * 6000 / 1000 + 20.0 * 5500 / 1500 + 60.0 * 5000 / 1200) / 16_500 * 100_000;
		assertThat(first.value()).isCloseTo(dsr, org.assertj.core.api.Assertions.within(1e-9));
		// England: Dobson over the two CCGs' summed bands, not over their totals.
		ValueRow england = only(as(users, "outcomes-national",
				() -> values.values("CCGOIS-1.2", OutcomesLevel.ENGLAND, "2019/20", null)), ValueComputation.ENGLAND);
		double englandDsr = (9.0 * 6000 / 1500 + 36.0 * 5500 / 2400 + 90.0 * 5000 / 1900) / 16_500 * 100_000;
		assertThat(england.value()).isCloseTo(englandDsr, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(england.numerator()).isEqualTo(135);
	}

	@Test
	void ageBandRowsThatCannotBeMeantRejectTheFile() {
		assertThatThrownBy(() -> as(users, "outcomes-national", () -> imports.importFile(ImportFormat.AGE_BANDS, null,
				"bands.csv", stream(BANDS + """
						01A,CCGOIS-1.2,2019/20,60_64,MALE,5,1000
						01A,CCGOIS-1.2,2019/20,60_64,MALE,5,1000
						01A,CCGOIS-1.2,2019/20,61_63,MALE,5,1000
						01A,CCGOIS-1.2,2019/20,65_69,MALE,5,0
						01A,PRAC-FLU65,2019/20,65_69,MALE,5,10
						""")))).isInstanceOfSatisfying(ObservationImportRejectedException.class, ex -> {
			assertThat(ex.report().errors()).extracting(ImportError::row).containsExactly(3L, 4L, 5L, 6L);
			assertThat(ex.report().errors().get(3).message()).contains("not a directly standardised rate");
		});
	}

	private org.cocommission.outcomes.Indicator indicator(String id) {
		return as(users, "outcomes-national", () -> indicators.get(id));
	}

	private ObservationImportReport qof(String csv) {
		return as(users, "outcomes-national",
				() -> imports.importFile(ImportFormat.QOF_PREVALENCE, "2019/20", "qof.csv", stream(csv)));
	}

	private List<ValueRow> level(OutcomesLevel level) {
		return level(level, "QOF-LD");
	}

	private List<ValueRow> level(OutcomesLevel level, String indicator) {
		return as(users, "outcomes-national", () -> values.values(indicator, level, "2019/20", null));
	}

	private static ValueRow only(List<ValueRow> rows, String code) {
		return rows.stream().filter(row -> row.orgCode().equals(code)).findFirst().orElseThrow();
	}
}

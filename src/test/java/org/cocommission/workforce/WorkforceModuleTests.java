package org.cocommission.workforce;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.contracts.Payments;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.workforce.planning.TargetForm;
import org.cocommission.workforce.planning.WorkforcePlan;
import org.cocommission.workforce.planning.WorkforceTargets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import static org.cocommission.workforce.WorkforceTestFiles.csv;

/**
 * The workforce module with the directory and identity, on the embedded PostgreSQL: the imports all or nothing, the
 * measures per practice, CCG and England with withheld figures, access by organisation, and the national growth.
 */
// The platform module (the embedded PostgreSQL) is open: named, as no type of it is a bean others use.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class WorkforceModuleTests {

	private static final String PASSWORD = "workforce-module-password";

	private static final YearMonth SEPTEMBER_2015 = YearMonth.of(2015, 9);

	@Autowired
	WorkforceImports imports;

	@Autowired
	WorkforceMeasures measures;

	@Autowired
	WorkforceTargets targets;

	@Autowired
	Payments payments;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void directoryAndUsers() {
		WorkforceTestFiles.directory(jdbc);
		open("wf-national", Role.NATIONAL, "X24");
		open("wf-ccg", Role.CCG, "WFC1");
		open("wf-practice", Role.PRACTICE, "WFA1");
		open("wf-ccg2", Role.CCG, "WFC2");
	}

	private static final YearMonth SEPTEMBER_2016 = YearMonth.of(2016, 9);

	private void september2016() {
		as("wf-national", () -> imports.importPracticeDetailed("d16.csv", csv(WorkforceTestFiles.DETAILED_2016_09), null));
	}

	private List<MeasureRow> rows(WorkforceMeasure measure, WorkforceLevel level, YearMonth month) {
		return as("wf-national", () -> measures.measure(measure, level, month));
	}

	@Test
	void theSkillMixIsEachGroupsShareOfStaffFteAddedAsFteAboveAPractice() {
		september2016();

		assertThat(rows(WorkforceMeasure.GP_SHARE_OF_STAFF, WorkforceLevel.PRACTICE, SEPTEMBER_2016))
			.extracting(MeasureRow::orgCode, row -> plain(row.value()))
			.containsExactly(tuple("WFA1", "30"), tuple("WFA2", "25"), tuple("WFB1", "25"));
		// WFC1: (6 + 2) GP FTE of (20 + 8) staff FTE.
		assertThat(rows(WorkforceMeasure.GP_SHARE_OF_STAFF, WorkforceLevel.CCG, SEPTEMBER_2016))
			.extracting(MeasureRow::orgCode, row -> plain(row.value()))
			.containsExactly(tuple("WFC1", "28.5714"), tuple("WFC2", "25"));
		assertThat(rows(WorkforceMeasure.ADMIN_SHARE_OF_STAFF, WorkforceLevel.ENGLAND, SEPTEMBER_2016))
			.extracting(row -> plain(row.value()))
			.containsExactly("55.2632");
	}

	@Test
	void partnersAgainstSalariedLeaveOutAPracticeWithWithheldPartners() {
		september2016();

		assertThat(rows(WorkforceMeasure.PARTNER_SHARE, WorkforceLevel.PRACTICE, SEPTEMBER_2016))
			.extracting(MeasureRow::orgCode, row -> plain(row.value()), MeasureRow::withheld)
			.containsExactly(tuple("WFA1", "80", false), tuple("WFA2", null, true), tuple("WFB1", "50", false));
		// England: 5 partner FTE of 7 partner and salaried FTE, WFA2 left out.
		assertThat(rows(WorkforceMeasure.PARTNER_SHARE, WorkforceLevel.ENGLAND, SEPTEMBER_2016))
			.extracting(row -> plain(row.value()), MeasureRow::practicesLeftOut)
			.containsExactly(tuple("71.4286", 1));
		assertThat(as("wf-national",
				() -> measures.trend(WorkforceMeasure.SALARIED_FTE_PER_10K, WorkforceLevel.PRACTICE, "WFB1")))
			.extracting(TrendPoint::month, point -> plain(point.value()))
			.contains(tuple("2016-09", "2"));
	}

	@Test
	void weightedPatientsComeFromThePaymentsOfTheMonthsFinancialYear() {
		september2016();
		as("wf-national", () -> payments.importFile(new FinancialYear(2016), "payments.csv",
				csv(WorkforceTestFiles.PAYMENTS_2016)));

		// WFA1: 6 FTE over 12,000 weighted patients; WFB1: 2.5 over 4,000; WFA2 has no weighted list that year.
		assertThat(rows(WorkforceMeasure.GP_FTE_PER_10K_WEIGHTED, WorkforceLevel.PRACTICE, SEPTEMBER_2016))
			.extracting(MeasureRow::orgCode, row -> plain(row.value()))
			.containsExactly(tuple("WFA1", "5"), tuple("WFB1", "6.25"));
		assertThat(rows(WorkforceMeasure.GP_FTE_PER_10K_WEIGHTED, WorkforceLevel.CCG, SEPTEMBER_2016))
			.extracting(MeasureRow::orgCode, row -> plain(row.denominator()), row -> plain(row.value()))
			.containsExactly(tuple("WFC1", "12000", "5"), tuple("WFC2", "4000", "6.25"));
		assertThat(rows(WorkforceMeasure.GP_FTE_PER_10K_WEIGHTED, WorkforceLevel.PRACTICE, YearMonth.of(2017, 9)))
			.isEmpty();
	}

	@Test
	void anIcbAddsTheFteOfItsSubIcbLocationsPracticesFromJuly2022() {
		WorkforceTestFiles.icb(jdbc);
		as("wf-national", () -> imports.importPracticeDetailed("d22.csv",
				csv(WorkforceTestFiles.DETAILED_2016_09.replace("2016-09-30", "2022-09-30")), null));
		september2016();

		assertThat(rows(WorkforceMeasure.GP_FTE_PER_10K, WorkforceLevel.ICB, YearMonth.of(2022, 9)))
			.extracting(MeasureRow::orgCode, row -> plain(row.numerator()), row -> plain(row.value()))
			.containsExactly(tuple("WFI", "2.5", "5"));
		assertThat(rows(WorkforceMeasure.GP_FTE_PER_10K, WorkforceLevel.ICB, SEPTEMBER_2016)).isEmpty();
	}

	@Test
	void aCcgIsComparedWithTheOutcomesPeersAddedAsFte() {
		september2016();
		jdbc.sql("insert into outcomes_peer (ccg_code, rank, peer_code, distance, computed_at)"
				+ " values ('WFC1', 1, 'WFC2', 0.5, now()) on conflict do nothing").update();

		PeerComparison comparison = as("wf-ccg",
				() -> measures.peers(WorkforceMeasure.GP_FTE_PER_10K, WorkforceLevel.CCG, SEPTEMBER_2016, "WFC1"));

		// WFC1: 8 FTE over 14,000 patients; its one peer WFC2: 2.5 over 5,000.
		assertThat(plain(comparison.organisation().value())).isEqualTo("5.7143");
		assertThat(comparison.peers()).extracting(MeasureRow::orgCode, row -> plain(row.value()))
			.containsExactly(tuple("WFC2", "5"));
		assertThat(plain(comparison.peersValue())).isEqualTo("5");
		assertThatThrownBy(() -> as("wf-ccg2",
				() -> measures.peers(WorkforceMeasure.GP_FTE_PER_10K, WorkforceLevel.CCG, SEPTEMBER_2016, "WFC1")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aCcgsTargetGivesTheGapPerPracticeAndInTotalAndIsAudited() {
		september2016();

		as("wf-ccg", () -> targets.set("WFC1", new TargetForm(WorkforceMeasure.GP_FTE_PER_10K, new BigDecimal("6.5"))));
		WorkforcePlan plan = as("wf-ccg", () -> targets.plan("WFC1", WorkforceMeasure.GP_FTE_PER_10K, SEPTEMBER_2016));

		// WFA1: 6.5 FTE for 10,000 patients, has 6: 0.5 short; WFA2: 2.6 for 4,000, has 2: 0.6 short.
		assertThat(plan.practices()).extracting(WorkforcePlan.Gap::orgCode, gap -> plain(gap.targetFte()),
				gap -> plain(gap.gapFte()))
			.containsExactly(tuple("WFA1", "6.5", "0.5"), tuple("WFA2", "2.6", "0.6"));
		assertThat(plan.total()).extracting(gap -> plain(gap.fte()), gap -> plain(gap.targetFte()),
				gap -> plain(gap.gapFte()))
			.containsExactly("8", "9.1", "1.1");
		assertThat(plan.overTime()).extracting(WorkforcePlan.Gap::month, gap -> plain(gap.gapFte()))
			.contains(tuple("2016-09", "1.1"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'WORKFORCE_TARGET_SET'"
				+ " and organisation_code = 'WFC1'").query(Long.class).single()).isPositive();
	}

	@Test
	void aClosedCcgsTargetsStayReadableButNoNewOneIsSet() {
		// WFC3 closed on 31 March 2018 (merged): its history is read, no one writes to it any more.
		jdbc.sql("insert into directory_organisation (code, type, name, status, close_date)"
				+ " values ('WFC3', 'CCG', 'NHS Workforce Three CCG', 'C', ?) on conflict (code) do nothing")
			.param(java.time.LocalDate.of(2018, 3, 31))
			.update();
		jdbc.sql("insert into workforce_target (ccg_code, measure, target, set_by) values"
				+ " ('WFC3', 'GP_FTE_PER_10K', 6.5, 'wf-national')").update();

		assertThatThrownBy(() -> as("wf-national",
				() -> targets.set("WFC3", new TargetForm(WorkforceMeasure.GP_FTE_PER_10K, BigDecimal.TEN))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("WFC3 closed on 31 March 2018");
		assertThat(as("wf-national", () -> targets.targets("WFC3"))).extracting(target -> plain(target.target()))
			.containsExactly("6.5");
		assertThat(as("wf-national", () -> targets.closedOn("WFC1"))).isEmpty();
	}

	@Test
	void onlyTheCcgsOwnUsersAndNationalUsersSetItsTargetsAndOnlyForStaffRatios() {
		assertThatThrownBy(() -> as("wf-ccg2",
				() -> targets.set("WFC1", new TargetForm(WorkforceMeasure.GP_FTE_PER_10K, BigDecimal.TEN))))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("wf-practice",
				() -> targets.set("WFC1", new TargetForm(WorkforceMeasure.GP_FTE_PER_10K, BigDecimal.TEN))))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("wf-ccg",
				() -> targets.set("WFC1", new TargetForm(WorkforceMeasure.PARTNER_SHARE, BigDecimal.TEN))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(as("wf-national",
				() -> targets.set("WFC2", new TargetForm(WorkforceMeasure.NURSE_FTE_PER_10K, new BigDecimal("3")))))
			.extracting(target -> plain(target.target()))
			.isEqualTo("3");
	}

	@Test
	void importsTheDetailedFileWithItsByteOrderMarkLineEndsAndWithheldValues() {
		WorkforceImportReport report = as("wf-national",
				() -> imports.importPracticeDetailed("detailed.csv", csv(WorkforceTestFiles.DETAILED_2015_09), null));

		assertThat(report.month()).isEqualTo("2015-09");
		assertThat(report.rowsRead()).isEqualTo(4);
		assertThat(report.rowsStored()).isEqualTo(4);
		assertThat(report.warnings()).extracting(WorkforceRowMessage::row, WorkforceRowMessage::message)
			.containsExactly(tuple(1, "Unknown column MYSTERY_COLUMN was left out"),
					tuple(5, "Practice ZZZ999 is not in the directory: stored, but in no CCG"));
		assertThat(jdbc.sql("select value is null and withheld from workforce_practice_value where practice_code = 'WFA2'"
				+ " and month = '2015-09-01' and measure = 'TOTAL_GP_FTE'").query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select value from workforce_practice_value where practice_code = 'WFA1'"
				+ " and month = '2015-09-01' and measure = 'TOTAL_GP_FTE'").query(BigDecimal.class).single()).isEqualByComparingTo("6.0");
		assertThat(jdbc.sql("select commissioner_code from workforce_practice_month where practice_code = 'WFB1'"
				+ " and month = '2015-09-01'")
			.query(String.class)
			.single()).isEqualTo("WFC2");
	}

	@Test
	void refusesTheWholeFileNamingEachRowAndStoresNothing() {
		assertThatThrownBy(() -> as("wf-national", () -> imports.importPracticeDetailed("bad.csv",
				csv(WorkforceTestFiles.DETAILED_WITH_ERRORS), YearMonth.of(2016, 3))))
			.isInstanceOfSatisfying(WorkforceImportRejectedException.class,
					ex -> assertThat(ex.report().errors()).extracting(WorkforceRowMessage::row)
						.containsExactly(3, 4, 5));
		assertThat(jdbc.sql("select count(*) from workforce_practice_value where month = '2016-03-01'")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from workforce_import where month = '2016-03-01'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesAFileWithNoMonth() {
		assertThatThrownBy(() -> as("wf-national", () -> imports.importPracticeDetailed("old.csv",
				csv(WorkforceTestFiles.DETAILED_OLD_VINTAGE), null)))
			.isInstanceOfSatisfying(WorkforceImportRejectedException.class,
					ex -> assertThat(ex.report().errors()).extracting(WorkforceRowMessage::message)
						.containsExactly("Say which month the file is for: date=YYYY-MM, or an EXTRACT_DATE column"));
	}

	@Test
	void mapsAnOlderVintagesColumnsToTodaysNames() {
		as("wf-national", () -> imports.importPracticeDetailed("old.csv", csv(WorkforceTestFiles.DETAILED_OLD_VINTAGE),
				YearMonth.of(2015, 6)));

		assertThat(jdbc.sql("select measure || '=' || value from workforce_practice_value where month = '2015-06-01'"
				+ " order by measure").query(String.class).list())
			.containsExactly("TOTAL_GP_EXTGL_FTE=4.5000", "TOTAL_GP_FTE=5.5000", "TOTAL_GP_HC=7.0000",
					"TOTAL_GP_TRN_GR_FTE=1.0000", "TOTAL_NURSES_FTE=2.0000", "TOTAL_PATIENTS=9800.0000");
	}

	@Test
	void importingAMonthAgainReplacesItsFigures() {
		as("wf-national", () -> imports.importPracticeDetailed("d.csv", csv(WorkforceTestFiles.DETAILED_2015_09), null));
		long stored = jdbc.sql("select count(*) from workforce_practice_value where month = '2015-09-01'")
			.query(Long.class)
			.single();

		as("wf-national", () -> imports.importPracticeDetailed("d.csv",
				csv(WorkforceTestFiles.DETAILED_2015_09.replace("10000,8,6.0", "10000,8,7.0")), SEPTEMBER_2015));

		assertThat(jdbc.sql("select count(*) from workforce_practice_value where month = '2015-09-01'")
			.query(Long.class)
			.single()).isEqualTo(stored);
		assertThat(gpFtePer10k(WorkforceLevel.PRACTICE, "wf-national")).extracting(MeasureRow::orgCode,
				row -> row.value() == null ? null : row.value().stripTrailingZeros().toPlainString())
			.contains(tuple("WFA1", "7"));
	}

	@Test
	void measuresEachPracticeWithDecilesAndTheWithheldAsWithheld() {
		as("wf-national", () -> imports.importPracticeDetailed("d.csv", csv(WorkforceTestFiles.DETAILED_2015_09), null));

		assertThat(gpFtePer10k(WorkforceLevel.PRACTICE, "wf-national"))
			.extracting(MeasureRow::orgCode, row -> plain(row.value()), MeasureRow::withheld, MeasureRow::decile)
			.containsExactly(tuple("WFA1", "6", false, 7), tuple("WFA2", null, true, null), tuple("WFB1", "7", false, 10),
					tuple("ZZZ999", "5", false, 4));
	}

	@Test
	void aggregatesLeaveOutAndCountAPracticeWithAWithheldFigure() {
		as("wf-national", () -> imports.importPracticeDetailed("d.csv", csv(WorkforceTestFiles.DETAILED_2015_09), null));

		assertThat(gpFtePer10k(WorkforceLevel.CCG, "wf-national"))
			.extracting(MeasureRow::orgCode, row -> plain(row.numerator()), row -> plain(row.denominator()),
					row -> plain(row.value()), MeasureRow::withheld, MeasureRow::practices,
					MeasureRow::practicesLeftOut)
			.containsExactly(tuple("WFC1", "6", "10000", "6", false, 2, 1), tuple("WFC2", "3.5", "5000", "7", false, 1, 0));
		// England adds the practice the directory does not know: 10.5 FTE for 17,000 patients.
		assertThat(gpFtePer10k(WorkforceLevel.ENGLAND, "wf-practice"))
			.extracting(MeasureRow::orgCode, row -> plain(row.value()), MeasureRow::practices, MeasureRow::practicesLeftOut)
			.containsExactly(tuple("ENGLAND", "6.1765", 4, 1));
	}

	@Test
	void theShareOfGpsAged55AndOverIsAPracticeMeasureOnly() {
		as("wf-national", () -> imports.importPracticeDetailed("d.csv", csv(WorkforceTestFiles.DETAILED_2015_09), null));

		assertThat(as("wf-national", () -> measures.measure(WorkforceMeasure.GP_55_PLUS_SHARE, WorkforceLevel.PRACTICE,
				SEPTEMBER_2015)))
			.extracting(MeasureRow::orgCode, row -> plain(row.value()), MeasureRow::withheld)
			.containsExactly(tuple("WFA1", "37.5", false), tuple("WFA2", null, true), tuple("WFB1", "25", false),
					tuple("ZZZ999", "0", false));
		assertThatThrownBy(() -> as("wf-national",
				() -> measures.measure(WorkforceMeasure.GP_55_PLUS_SHARE, WorkforceLevel.CCG, SEPTEMBER_2015)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("do not add up above a practice");
	}

	@Test
	void aPracticeSeesItselfACcgItsPracticesAndNationalUsersAll() {
		as("wf-national", () -> imports.importPracticeDetailed("d.csv", csv(WorkforceTestFiles.DETAILED_2015_09), null));

		assertThat(gpFtePer10k(WorkforceLevel.PRACTICE, "wf-practice")).extracting(MeasureRow::orgCode)
			.containsExactly("WFA1");
		assertThat(gpFtePer10k(WorkforceLevel.PRACTICE, "wf-ccg")).extracting(MeasureRow::orgCode)
			.containsExactly("WFA1", "WFA2");
		assertThat(gpFtePer10k(WorkforceLevel.CCG, "wf-ccg")).extracting(MeasureRow::orgCode).containsExactly("WFC1");
		assertThat(gpFtePer10k(WorkforceLevel.PRACTICE, "wf-national")).hasSize(4);
		assertThatThrownBy(() -> as("wf-practice",
				() -> measures.trend(WorkforceMeasure.GP_FTE_PER_10K, WorkforceLevel.PRACTICE, "WFB1")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void onlyNationalUsersImport() {
		assertThatThrownBy(() -> as("wf-ccg",
				() -> imports.importPracticeDetailed("d.csv", csv(WorkforceTestFiles.DETAILED_2015_09), null)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void theHighLevelFileIsKeptAsPublishedAndEachGroupsFteSummed() {
		WorkforceImportReport report = as("wf-national",
				() -> imports.importHighLevel("hl.csv", csv(WorkforceTestFiles.HIGH_LEVEL_2015_12), YearMonth.of(2015, 12)));

		assertThat(report.rowsStored()).isEqualTo(7);
		assertThat(jdbc.sql("select practice_code || ' ' || measure || '=' || coalesce(value::text, 'withheld')"
				+ " from workforce_practice_value where month = '2015-12-01' order by 1").query(String.class).list())
			.containsExactly("WFA1 TOTAL_GP_FTE=6.0000", "WFA1 TOTAL_NURSES_FTE=2.0000", "WFB1 TOTAL_GP_FTE=withheld");
	}

	@Test
	void theNationalSeriesReproducesTheGrowthOfGpsAgainstConsultants() {
		as("wf-national", () -> imports.importNationalSeries("hchs.csv", csv(WorkforceTestFiles.HCHS)));

		assertThat(as("wf-national", () -> measures.indexedGrowth(List.of("GPs", "Consultants"))))
			.extracting(IndexedSeries::staffGroup, IndexedSeries::baseYear, series -> plain(series.growthPercent()))
			.containsExactly(tuple("Consultants", 2000, "76"), tuple("GPs", 2000, "21"));
	}

	@Test
	void refusesHighLevelAndNationalFilesWithErrorsNamingTheirRows() {
		String highLevel = "PRAC_CODE,PRAC_NAME,STAFF_GROUP,DETAILED_STAFF_ROLE,MEASURE,VALUE\r\n"
				+ "WFA1,The First Surgery,GP,Locum,FTE,0.5\r\n" + "WFA1,The First Surgery,GP,Locum,Hours,20\r\n"
				+ "WFA1,The First Surgery,GP,Locum,FTE,0.5\r\n";
		assertThatThrownBy(() -> as("wf-national",
				() -> imports.importHighLevel("hl.csv", csv(highLevel), YearMonth.of(2016, 12))))
			.isInstanceOfSatisfying(WorkforceImportRejectedException.class,
					ex -> assertThat(ex.report().errors()).extracting(WorkforceRowMessage::row).containsExactly(3, 4));
		String national = WorkforceTestFiles.BOM + "YEAR,STAFF_GROUP,FTE\r\n2015,Consultants,ND\r\nlast year,GPs,1\r\n";
		assertThatThrownBy(() -> as("wf-national", () -> imports.importNationalSeries("hchs.csv", csv(national))))
			.isInstanceOfSatisfying(WorkforceImportRejectedException.class,
					ex -> assertThat(ex.report().errors()).extracting(WorkforceRowMessage::row).containsExactly(2, 3));
		assertThat(jdbc.sql("select count(*) from workforce_high_level where month = '2016-12-01'")
			.query(Long.class)
			.single()).isZero();
	}

	private List<MeasureRow> gpFtePer10k(WorkforceLevel level, String username) {
		return as(username, () -> measures.measure(WorkforceMeasure.GP_FTE_PER_10K, level, SEPTEMBER_2015));
	}

	private static String plain(BigDecimal value) {
		return value == null ? null : value.stripTrailingZeros().toPlainString();
	}

	private <T> T as(String username, Callable<T> work) {
		return ActingAs.as(users, username, work);
	}

	private void open(String username, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, "Workforce " + username, null, role, organisation, PASSWORD));
		}
	}
}

package org.cocommission.workforce.measures;

import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.IndicatorType;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesDomain;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.Polarity;
import org.cocommission.outcomes.SuppliedIndicator;
import org.cocommission.outcomes.SuppliedIndicators;
import org.cocommission.outcomes.ValueRow;
import org.cocommission.outcomes.read.SpineRow;
import org.cocommission.workforce.WorkforceImports;
import org.cocommission.workforce.WorkforceTestFiles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Offset.offset;

import static org.cocommission.workforce.WorkforceTestFiles.csv;

/**
 * Workforce measures as outcomes indicators (docs/domain-rules.md#measures-as-outcomes-indicators): an
 * import supplies the month's practice values to outcomes, which adds them up, places them in deciles, shows them on
 * the spine and raises alerts as for its own indicators. Months of their own (2023 on), after those of
 * {@link WorkforceModuleTests}, which end in 2022.
 */
// Outcomes' alerts are a nested module workforce does not depend on: included, to see them raised.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES,
		extraIncludes = { "platform", "outcomes.alerts" })
class WorkforceIndicatorsModuleTests {

	private static final String PASSWORD = "workforce-module-password";

	@Autowired
	WorkforceImports imports;

	@Autowired
	OutcomesValues values;

	@Autowired
	Indicators indicators;

	@Autowired
	SuppliedIndicators supplied;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void directoryAndUsers() {
		WorkforceTestFiles.directory(jdbc);
		if (accounts.find("wf-national").isEmpty()) {
			accounts.create(new NewUser("wf-national", "Workforce national", null, Role.NATIONAL, "X24", PASSWORD));
		}
	}

	/** The September 2015 file (WFA2's GPs withheld, ZZZ999 unknown to the directory) dated in another month. */
	private void detailed(YearMonth month, String file) {
		as(() -> imports.importPracticeDetailed("detailed-" + month + ".csv",
				csv(file.replace("30/09/2015", month.atEndOfMonth().toString())), null));
	}

	@Test
	void anImportSuppliesEachPracticeToOutcomesWhichAddsThemUpAndLeavesTheWithheldWithoutAValue() {
		detailed(YearMonth.of(2023, 9), WorkforceTestFiles.DETAILED_2015_09);

		assertThat(indicators.get("WF-GP-FTE-PER-10K")).satisfies(indicator -> {
			assertThat(indicator.domain()).isEqualTo(OutcomesDomain.CAPACITY);
			assertThat(indicator.unit()).isEqualTo("per 10,000");
			assertThat(indicator.polarity()).isEqualTo(Polarity.HIGH_IS_GOOD);
		});
		// WFA1: 6 GP FTE for 10,000 patients; WFB1: 3.5 for 5,000. WFA2's withheld FTE is no value, not zero;
		// ZZZ999 has no practice in the directory to place it.
		assertThat(as(() -> values.values("WF-GP-FTE-PER-10K", OutcomesLevel.PRACTICE, "2023-09", null)))
			.extracting(ValueRow::orgCode, ValueRow::numerator, ValueRow::denominator, row -> rounded(row.value()))
			.containsExactly(tuple("WFA1", 6.0, 10_000.0, 6.0), tuple("WFB1", 3.5, 5_000.0, 7.0));
		assertThat(as(() -> values.values("WF-GP-FTE-PER-10K", OutcomesLevel.CCG, "2023-09", null)))
			.extracting(ValueRow::orgCode, ValueRow::numerator, ValueRow::denominator, row -> rounded(row.value()))
			.containsExactly(tuple("WFC1", 6.0, 10_000.0, 6.0), tuple("WFC2", 3.5, 5_000.0, 7.0));
		assertThat(as(() -> values.values("WF-GP-FTE-PER-10K", OutcomesLevel.ENGLAND, "2023-09", null)))
			.singleElement()
			.satisfies(england -> assertThat(england.value()).isCloseTo(6.3333, offset(0.0001)));
		// Patients per GP FTE: 10,000 / 6 and 5,000 / 3.5; the share aged 55 and over: 3 of 8 and 1 of 4 GPs.
		assertThat(as(() -> values.values("WF-PATIENTS-PER-GP-FTE", OutcomesLevel.PRACTICE, "2023-09", null)))
			.extracting(ValueRow::orgCode, row -> Math.round(row.value()))
			.containsExactly(tuple("WFA1", 1667L), tuple("WFB1", 1429L));
		assertThat(as(() -> values.values("WF-GP-55-PLUS", OutcomesLevel.PRACTICE, "2023-09", null)))
			.extracting(ValueRow::orgCode, row -> rounded(row.value()))
			.containsExactly(tuple("WFA1", 37.5), tuple("WFB1", 25.0));
		assertThat(as(() -> values.values("WF-NURSES-FTE-PER-10K", OutcomesLevel.PRACTICE, "2023-09", null)))
			.extracting(ValueRow::orgCode, row -> rounded(row.value()))
			.containsExactly(tuple("WFA1", 2.5), tuple("WFA2", 2.0), tuple("WFB1", 3.0));
		List<SpineRow> spine = as(() -> values.spine("WFC1", List.of("WFC2")));
		assertThat(spine).filteredOn(row -> row.indicator().id().equals("WF-GP-FTE-PER-10K"))
			.singleElement()
			.satisfies(row -> assertThat(rounded(row.ccg().value())).isEqualTo(6.0));
	}

	@Test
	void importingTheMonthAgainReplacesWhatWasSupplied() {
		detailed(YearMonth.of(2023, 6), WorkforceTestFiles.DETAILED_2015_09);
		// Again, with WFB1 now withheld too: its value goes, and is not left from the first import.
		detailed(YearMonth.of(2023, 6), WorkforceTestFiles.DETAILED_2015_09.replace("5000,4,3.5", "5000,4,ND"));

		assertThat(as(() -> values.values("WF-GP-FTE-PER-10K", OutcomesLevel.PRACTICE, "2023-06", null)))
			.extracting(ValueRow::orgCode)
			.containsExactly("WFA1");
	}

	@Test
	void aPracticeWhoseGpsLeftIsAlertedAsSignificantlyWorse() {
		String wfa1 = "10000,8,6.0,6,5.0,4,2,1,1,3,2.5,1.2,9.0,1,2,1,4,4";
		// WFA1 grown to 30,000 patients with 18 GP FTE (6 per 10,000); a year on, 3 FTE (1 per 10,000).
		detailed(YearMonth.of(2024, 9), WorkforceTestFiles.DETAILED_2015_09.replace(wfa1,
				"30000,20,18.0,18,16.0,10,8,1,1,8,7.5,3.6,27.0,2,4,2,10,10"));
		detailed(YearMonth.of(2025, 9), WorkforceTestFiles.DETAILED_2015_09.replace(wfa1,
				"30000,4,3.0,4,3.0,2,2,0,0,8,7.5,3.6,27.0,0,1,0,2,2"));

		// 18 against 3 FTE over the same list: z = ln(3/18) / sqrt(1/18 + 1/3) = -2.87. Patients per GP FTE, the same
		// figures the other way up, carries no judgement and raises nothing.
		assertThat(jdbc.sql("select indicator_id from outcomes_alert where org_code = 'WFA1' and level = 'PRACTICE'"
				+ " and reason = 'SIGNIFICANTLY_WORSE' and previous_period = '2024-09' and period = '2025-09'"
				+ " order by indicator_id").query(String.class).list())
			.containsExactly("WF-GP-FTE-PER-10K");
	}

	@Test
	void aSupplierMayNotRedefineOrSupplyAnIndicatorOutcomesDefines() {
		SuppliedIndicator takeover = new SuppliedIndicator("QOF-DM", "Diabetes, by someone else",
				OutcomesDomain.CAPACITY, IndicatorType.PROPORTION, 100, Polarity.NO_JUDGEMENT, "n", "d", "elsewhere");

		assertThatThrownBy(() -> as(() -> {
			supplied.define("workforce", List.of(takeover));
			return null;
		})).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defined by outcomes");
		assertThat(indicators.get("QOF-DM").name()).isNotEqualTo("Diabetes, by someone else");
	}

	/** To four places, as FTE over patients in floating point is 5.999999999999999 for 6. */
	private static double rounded(Double value) {
		return Math.round(value * 10_000) / 10_000.0;
	}

	private <T> T as(Callable<T> work) {
		return ActingAs.as(users, "wf-national", work);
	}
}

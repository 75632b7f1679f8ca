package org.cocommission.outcomes.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cocommission.outcomes.OutcomesTestData.as;
import static org.cocommission.outcomes.OutcomesTestData.stream;

import java.util.List;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesTestData;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.ValueRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pages read computed values through a cache; whatever changes them is read at once, and what a transaction
 * read of its own uncommitted writes is never served to anyone later.
 */
@SpringBootTest(properties = "cocommission.test.context=outcomes")
@AutoConfigureMockMvc
class OutcomesReadCacheTests {

	private static final String HEADER = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n";

	private static final String INDICATOR = "PRAC-GPPS";

	private static final String PERIOD = "2018-07";

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final UserDetailsService users;

	private final ObservationImports imports;

	private final OutcomesValues values;

	private final OutcomesPages pages;

	private final TransactionTemplate transaction;

	@Autowired
	OutcomesReadCacheTests(JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			UserDetailsService users, ObservationImports imports, OutcomesValues values, OutcomesPages pages,
			TransactionTemplate transaction) {
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
		this.users = users;
		this.imports = imports;
		this.values = values;
		this.pages = pages;
		this.transaction = transaction;
	}

	@BeforeEach
	void directory() {
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
		// 01A: 50, 10, 20 and 40 of 100 (30%); 01B: 30 of 100 each (30%); England 240 of 800.
		importLong(HEADER + row("A81001", 50) + row("A81002", 10) + row("B00001", 20) + row("B00002", 40)
				+ row("A81004", 30) + row("A81005", 30) + row("A81006", 30) + row("B00003", 30));
	}

	@Test
	void aReimportIsReadAtOnceEverywhereTheOldValuesWereRead() {
		assertThat(ccg("01A").numerator()).isEqualTo(120);
		assertThat(practice("A81001").value()).isEqualTo(50);
		assertThat(spineValue("01A")).isEqualTo(30);
		DecileSeries before = practiceDeciles("A81001");
		assertThat(before.englandValues()).containsExactly(30.0);
		assertThat(before.orgValues()).containsExactly(50.0);

		importLong(HEADER + row("A81001", 90));

		assertThat(ccg("01A").numerator()).isEqualTo(160);
		assertThat(practice("A81001").value()).isEqualTo(90);
		assertThat(spineValue("01A")).isEqualTo(40);
		DecileSeries after = practiceDeciles("A81001");
		assertThat(after.englandValues()).containsExactly(35.0);
		assertThat(after.orgValues()).containsExactly(90.0);
		assertThat(after.cuts().get(0)).isNotEqualTo(before.cuts().get(0));
	}

	@Test
	void whatATransactionReadOfItsOwnWritesIsNotServedAfterItsLaterWrites() {
		assertThat(england()).isEqualTo(30);
		transaction.executeWithoutResult(status -> {
			setEngland(1234);
			assertThat(england()).isEqualTo(1234);
			setEngland(5678);
		});
		assertThat(england()).isEqualTo(5678);
	}

	@Test
	void aRolledBackWriteLeavesTheCommittedValuesRead() {
		assertThat(england()).isEqualTo(30);
		transaction.executeWithoutResult(status -> {
			setEngland(1234);
			assertThat(england()).isEqualTo(1234);
			status.setRollbackOnly();
		});
		assertThat(england()).isEqualTo(30);
		setEngland(4321);
		assertThat(england()).isEqualTo(4321);
	}

	@Test
	void aRenamedOrganisationIsReadUnderItsNewName() {
		assertThat(ccg("01A").orgName()).isEqualTo("NHS FIRST CCG");
		jdbc.sql("update directory_organisation set name = 'NHS RENAMED CCG' where code = '01A'").update();
		try {
			assertThat(ccg("01A").orgName()).isEqualTo("NHS RENAMED CCG");
		}
		finally {
			jdbc.sql("update directory_organisation set name = 'NHS FIRST CCG' where code = '01A'").update();
		}
	}

	private void importLong(String csv) {
		as(users, "outcomes-national", () -> imports.importFile(ImportFormat.LONG, null, "long.csv", stream(csv)));
	}

	private void setEngland(double value) {
		jdbc.sql("update outcomes_value set value = ? where indicator_id = ? and period = ? and level = 'ENGLAND'")
			.params(value, INDICATOR, PERIOD)
			.update();
	}

	private Double england() {
		return as(users, "outcomes-national", () -> values.values(INDICATOR, OutcomesLevel.ENGLAND, PERIOD, null))
			.get(0)
			.value();
	}

	private ValueRow ccg(String code) {
		return only(as(users, "outcomes-national", () -> values.values(INDICATOR, OutcomesLevel.CCG, PERIOD, null)),
				code);
	}

	private ValueRow practice(String code) {
		return only(as(users, "outcomes-national", () -> values.values(INDICATOR, OutcomesLevel.PRACTICE, PERIOD, "01A")),
				code);
	}

	private Double spineValue(String ccg) {
		return as(users, "outcomes-national", () -> pages.spine(ccg)).stream()
			.filter(row -> row.indicator().id().equals(INDICATOR))
			.findFirst()
			.orElseThrow()
			.ccg()
			.value();
	}

	private DecileSeries practiceDeciles(String practice) {
		return as(users, "outcomes-national", () -> values.deciles(INDICATOR, OutcomesLevel.PRACTICE, practice));
	}

	private static String row(String practice, int numerator) {
		return practice + "," + INDICATOR + "," + PERIOD + "," + numerator + ",100\n";
	}

	private static ValueRow only(List<ValueRow> rows, String code) {
		return rows.stream().filter(row -> row.orgCode().equals(code)).findFirst().orElseThrow();
	}
}

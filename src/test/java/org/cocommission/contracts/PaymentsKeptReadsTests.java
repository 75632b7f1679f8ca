package org.cocommission.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.contracts.payments.PaymentsStore;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.FinancialYear;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The payments' reads kept between imports (a practice's years, the deciles, a page's derived figures) are read anew
 * after an import, as the benchmarking reads are: a re-import of the year changes what each of them answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ContractsFixture.class)
class PaymentsKeptReadsTests {

	private static final String HEADING = "Practice Code,Practice Name,Contract Type,"
			+ "Number of Registered Patients (Last Known Figure),Number of Weighted Patients (Last Known Figure),"
			+ "Global Sum,Total NHS Payments to General Practice\n";

	private static final FinancialYear YEAR = new FinancialYear(2028);

	@Autowired
	private Payments payments;

	private void load(String rows) {
		ActingAs.system(() -> payments.importFile(YEAR, "test.csv",
				new ByteArrayInputStream((HEADING + rows).getBytes(StandardCharsets.UTF_8))));
	}

	private List<PaymentsStore.PracticeYearRow> years(String practice) {
		return ActingAs.system(() -> payments.practiceYears(practice));
	}

	@Test
	void keptReadsFollowAReimport() {
		load("Y99001,ONE,GMS,100,100,10,2000\nY99002,TWO,GMS,100,100,10,4000\n");
		assertThat(years("Y99001")).singleElement().satisfies(row -> {
			assertThat(row.contractType()).isEqualTo("GMS");
			assertThat(row.totalPayments()).isEqualByComparingTo("2000");
		});
		assertThat(payments.deciles(YEAR).get("GMS")).first().isEqualTo(new BigDecimal("20.00"));
		assertThat(payments.<String>derived("test|" + YEAR, () -> "before")).isEqualTo("before");

		load("Y99001,ONE,PMS,100,100,10,3000\n");

		assertThat(years("Y99001")).singleElement().satisfies(row -> {
			assertThat(row.contractType()).isEqualTo("PMS");
			assertThat(row.totalPayments()).isEqualByComparingTo("3000");
		});
		assertThat(years("Y99002")).isEmpty();
		assertThat(payments.deciles(YEAR)).containsOnlyKeys("PMS");
		assertThat(payments.deciles(YEAR).get("PMS")).first().isEqualTo(new BigDecimal("30.00"));
		assertThat(payments.<String>derived("test|" + YEAR, () -> "after")).isEqualTo("after");
	}
}

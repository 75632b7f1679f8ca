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
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

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

	@Autowired
	private org.springframework.jdbc.core.simple.JdbcClient jdbc;

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

	/**
	 * A request reads the generation of the stored payments once, so its kept reads agree with one another; the next
	 * request sees an import made meanwhile, and so does the request that made it.
	 */
	@Test
	void aRequestReadsTheStoredPaymentsAsOfItsFirstKeptRead() {
		load("Y99003,THREE,GMS,100,100,10,2000\n");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		try {
			assertThat(payments.summary(YEAR).practices()).isEqualTo(1);
			assertThat(payments.<String>derived("request|" + YEAR, () -> "as of the request's first read"))
				.isEqualTo("as of the request's first read");
			// another instance's import, committed meanwhile
			jdbc.sql("insert into contracts_payment_import (year_start, file_name, imported_by, outcome, rows_read,"
					+ " stored, warnings, errors) values (1999, 'other.csv', 'other', 'COMMITTED', 0, 0, 0, 0)").update();
			assertThat(payments.<String>derived("request|" + YEAR, () -> "after the other import")).isEqualTo(
					"as of the request's first read");
			load("Y99003,THREE,GMS,100,100,10,2000\nY99004,FOUR,PMS,100,100,10,2000\n");
			assertThat(payments.summary(YEAR).practices()).as("after the request's own import").isEqualTo(2);
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
			jdbc.sql("delete from contracts_payment_import where year_start = 1999").update();
		}
		assertThat(payments.<String>derived("request|" + YEAR, () -> "the next request")).isEqualTo("the next request");
	}
}

package org.cocommission.contracts.payments;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.contracts.ImportMessage;
import org.cocommission.contracts.PaymentLevel;
import org.cocommission.contracts.PaymentsImportReport;
import org.cocommission.contracts.Payments;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.FinancialYear;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How the payments API and pages read {@code year} and {@code level}: typed by their converters, a value that does
 * not read is a 400 naming the parameter, and the accepted spellings stay those the links use. (A refused query on a
 * page is the error page, which needs the whole security configuration: ContractsApiTests.)
 */
@WebMvcTest(controllers = { PaymentsApiController.class, PaymentsPageController.class })
@WithMockUser
class PaymentsRequestBindingTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Payments payments;

	@MockitoBean
	AccessPolicy access;

	@Test
	void aYearThatIsNotAFinancialYearIsRefusedOnItsField() throws Exception {
		mvc.perform(get("/api/v1/contracts/summary").param("year", "2014"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("financial year such as")));
		mvc.perform(get("/api/v1/contracts/payments").param("year", "2014/16"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	@Test
	void aMissingYearIsRefusedOnItsField() throws Exception {
		mvc.perform(get("/api/v1/contracts/summary"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"));
	}

	@Test
	void anUnknownLevelIsRefusedOnItsField() throws Exception {
		mvc.perform(get("/api/v1/contracts/payments").param("year", "2014/15").param("level", "county"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"))
			.andExpect(jsonPath("$.errors[0].message").value("Choose a level: practice, ccg, area or england"));
		verify(payments, never()).rows(any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
	}

	@Test
	void readsYearsAndLevelsAsLinksWriteThem() throws Exception {
		mvc.perform(get("/api/v1/contracts/payments").param("year", "2014-15").param("level", "CCG"))
			.andExpect(status().isOk());
		verify(payments).rows(new FinancialYear(2014), PaymentLevel.CCG, false);
		mvc.perform(get("/api/v1/contracts/payments").param("year", "2015/16").param("byType", "true"))
			.andExpect(status().isOk());
		verify(payments).rows(new FinancialYear(2015), PaymentLevel.PRACTICE, true);
	}

	@Test
	void anImportedFileIsReportedWithItsWarningsByRow() throws Exception {
		when(payments.importFile(eq(new FinancialYear(2014)), eq("payments.csv"), any()))
			.thenReturn(new PaymentsImportReport(1234, 1200, List.of(new ImportMessage(0, "An old layout"),
					new ImportMessage(7, "No list size")), List.of()));
		mvc.perform(multipart("/contracts/imports")
			.file(new MockMultipartFile("file", "payments.csv", "text/csv", "x".getBytes()))
			.param("year", "2014-15")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("payments.csv imported")))
			.andExpect(content().string(containsString("1,234 rows read: 1,200 practices stored, 2 warnings.")))
			.andExpect(content().string(containsString("<td class=\"nhsuk-table__cell\">File</td>")))
			.andExpect(content().string(containsString("No list size")));
	}

	@Test
	void theUploadFormShowsAYearThatIsNotOneOnItsFieldAndKeepsIt() throws Exception {
		mvc.perform(multipart("/contracts/imports")
			.file(new MockMultipartFile("file", "payments.csv", "text/csv", "x".getBytes()))
			.param("year", "2014/16")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"year-error\"")))
			.andExpect(content().string(containsString("Enter a financial year such as")))
			.andExpect(content().string(containsString("value=\"2014/16\"")));
		verify(payments, never()).importFile(any(), anyString(), any());
	}

	@Test
	void theLevelsTableIsShownAHundredRowsAPageWithLinksEitherSide() throws Exception {
		FinancialYear year = new FinancialYear(2014);
		List<org.cocommission.contracts.PaymentRow> practices = java.util.stream.IntStream.rangeClosed(1, 250)
			.mapToObj(n -> new org.cocommission.contracts.PaymentRow("P%05d".formatted(n), "Practice " + n, "GMS", 1,
					java.math.BigDecimal.TEN, java.math.BigDecimal.TEN, java.math.BigDecimal.ONE, java.math.BigDecimal.ONE,
					java.math.BigDecimal.ONE))
			.toList();
		when(payments.years()).thenReturn(List.of(year));
		when(payments.rows(year, PaymentLevel.PRACTICE, false)).thenReturn(practices);
		when(payments.derived(anyString(), any()))
			.thenAnswer(call -> call.<java.util.function.Supplier<?>>getArgument(1).get());

		mvc.perform(get("/contracts/payments").param("year", "2014/15").param("level", "practice").param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">P00101</a>")))
			.andExpect(content().string(containsString(">P00200</a>")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(">P00100</a>"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(">P00201</a>"))))
			.andExpect(content().string(containsString("Rows 101 to 200 of 250, 100 to a page; the CSV has every row.")))
			.andExpect(content().string(containsString("href=\"/contracts/payments?year=2014/15&amp;level=practice&amp;page=0\"")))
			.andExpect(content().string(containsString("href=\"/contracts/payments?year=2014/15&amp;level=practice&amp;page=2\"")));
		// past the last page, the last page; before the first, the first
		mvc.perform(get("/contracts/payments").param("year", "2014/15").param("level", "practice").param("page", "9"))
			.andExpect(content().string(containsString("Rows 201 to 250 of 250")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("page=3"))));
		mvc.perform(get("/contracts/payments").param("year", "2014/15").param("level", "practice").param("page", "-1"))
			.andExpect(content().string(containsString("Rows 1 to 100 of 250")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("page=-"))));
	}
}

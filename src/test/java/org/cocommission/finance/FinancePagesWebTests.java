package org.cocommission.finance;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.cocommission.finance.allocations.AllocationRunPageController;
import org.cocommission.finance.budgets.IndicativeBudgets;
import org.cocommission.finance.formulas.FormulaPagesController;
import org.cocommission.finance.globalsum.GlobalSumPayments;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.Role;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The finance pages read what people type through bound form records, each problem shown on its field; the API reads
 * its JSON bodies into the same types, each problem a 400 naming its field.
 */
@WebMvcTest({ AllocationRunPageController.class, FormulaPagesController.class, FinanceApiController.class })
@WithMockUser
class FinancePagesWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FinanceFormulas formulas;

	@MockitoBean
	AllocationRuns runs;

	@MockitoBean
	AccessPolicy access;

	@MockitoBean
	GlobalSumPayments globalSum;

	@MockitoBean
	IndicativeBudgets budgets;

	@Test
	void theRunFormShowsEveryProblemOnItsFieldAndRunsNothing() throws Exception {
		given(runs.list()).willReturn(List.of());
		mvc.perform(post("/finance/runs").with(csrf())
			.param("name", "Bad").param("year", "2015/16").param("programme", "CORE_CCG").param("formulaId", "1")
			.param("envelope", "-5").param("specialisedEnvelope", "").param("minimumGrowth", "x")
			.param("maximumGrowth", "9").param("gapClosure", "25").param("overTargetFloor", "1.5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("<a href=\"#envelope\">The envelope must be a positive amount</a>")))
			.andExpect(content().string(containsString("<a href=\"#minimumGrowth\">Minimum growth must be a number</a>")))
			.andExpect(content().string(containsString("value=\"-5\"")));
		verify(runs, never()).create(any());
	}

	@Test
	void aRefusedAmountIsShownOnceWhenEverythingElseReads() throws Exception {
		given(runs.list()).willReturn(List.of());
		String page = mvc.perform(post("/finance/runs").with(csrf())
			.param("name", "Bad").param("year", "2015/16").param("programme", "CORE_CCG").param("formulaId", "1")
			.param("envelope", "-5").param("minimumGrowth", "2").param("maximumGrowth", "9").param("gapClosure", "25")
			.param("overTargetFloor", "1.5"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page.split("The envelope must be a positive amount", -1)).hasSize(3);
		verify(runs, never()).create(any());
	}

	@Test
	void aRefusalFromTheRunsIsPutOnTheFieldItNames() throws Exception {
		given(runs.list()).willReturn(List.of());
		given(runs.create(any())).willThrow(new InvalidInputException("year",
				"There are no registered lists by age and sex on or before 1990-04-01"));
		mvc.perform(post("/finance/runs").with(csrf())
			.param("name", "Early").param("year", "1990/91").param("programme", "CORE_CCG").param("formulaId", "1")
			.param("envelope", "10,400,000").param("minimumGrowth", "2").param("maximumGrowth", "9")
			.param("gapClosure", "25").param("overTargetFloor", "1.5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<a href=\"#year\">There are no registered lists by age and sex on or before 1990-04-01</a>")))
			.andExpect(content().string(containsString("value=\"10400000\"")));
	}

	@Test
	void aYearThatIsNotOneIsRefusedOnTheNewDraftForm() throws Exception {
		given(access.requireUser()).willReturn(national());
		mvc.perform(post("/finance/formulas").with(csrf()).param("year", "next year"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"<a href=\"#new-year\">Enter the effective financial year like 2015/16</a>")))
			.andExpect(content().string(containsString("value=\"next year\"")));
		verify(formulas, never()).createDraft(any());
	}

	@Test
	void aYearThatIsNotOneInARunBodyIsRefusedOnItsFieldAndRunsNothing() throws Exception {
		mvc.perform(post("/api/v1/finance/runs").with(csrf()).contentType("application/json").content(RUN_BODY
			.formatted("2015/17")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter a financial year such as 2015/16"));
		mvc.perform(post("/api/v1/finance/runs").with(csrf()).contentType("application/json").content(RUN_BODY
			.formatted("")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter the financial year, such as 2014/15"));
		verify(runs, never()).create(any());
	}

	@Test
	void aYearInARunBodyBindsAsWritten() throws Exception {
		given(runs.create(any())).willThrow(new java.util.NoSuchElementException("stop here"));
		mvc.perform(post("/api/v1/finance/runs").with(csrf()).contentType("application/json").content(RUN_BODY
			.formatted("2015-16")))
			.andExpect(status().isNotFound());
		ArgumentCaptor<RunRequest> request = ArgumentCaptor.forClass(RunRequest.class);
		verify(runs).create(request.capture());
		assertThat(request.getValue().year()).isEqualTo(new FinancialYear(2015));
	}

	@Test
	void aYearThatIsNotOneInAFormulaBodyIsRefusedOnItsField() throws Exception {
		mvc.perform(post("/api/v1/finance/formulas").with(csrf()).contentType("application/json")
			.content("{\"name\":\"Next\",\"effectiveYear\":\"next year\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("effectiveYear"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter a financial year such as 2015/16"));
		mvc.perform(post("/api/v1/finance/formulas").with(csrf()).contentType("application/json")
			.content("{\"name\":\"Next\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("effectiveYear"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter the effective financial year like 2015/16"));
		verify(formulas, never()).createDraft(any());
	}

	@Test
	void aYearInAFormulaBodyBindsAsWrittenOrAsTheApiAnswersIt() throws Exception {
		given(formulas.createDraft(any())).willThrow(new java.util.NoSuchElementException("stop here"));
		mvc.perform(post("/api/v1/finance/formulas").with(csrf()).contentType("application/json")
			.content(formulaBody("\"2015/16\"")))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/finance/formulas").with(csrf()).contentType("application/json")
			.content(formulaBody("{\"startYear\":2016}")))
			.andExpect(status().isNotFound());
		ArgumentCaptor<FormulaDraft> draft = ArgumentCaptor.forClass(FormulaDraft.class);
		verify(formulas, org.mockito.Mockito.times(2)).createDraft(draft.capture());
		assertThat(draft.getAllValues()).extracting(FormulaDraft::effectiveYear)
			.containsExactly(new FinancialYear(2015), new FinancialYear(2016));
	}

	@Test
	void aBaselineYearThatIsNotOneIsRefusedOnItsPathVariableAndImportsNothing() throws Exception {
		for (String year : new String[] { "99", "next", "2013-15" }) {
			mvc.perform(post("/api/v1/finance/baselines/" + year + "/CORE_CCG").with(csrf())
				.contentType("application/json").content(BASELINE))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("startYear"))
				.andExpect(jsonPath("$.errors[0].message")
					.value("Enter the baseline's financial year by its first year, like 2013 for 2013/14"));
		}
		verify(runs, never()).importBaseline(any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean());
	}

	@Test
	void aBaselineYearBindsByItsFirstYearAsDocumentedOrWrittenInFull() throws Exception {
		mvc.perform(post("/api/v1/finance/baselines/2013/PRIMARY_CARE_MEDICAL").with(csrf())
			.contentType("application/json").content(BASELINE))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/finance/baselines/2014-15/CORE_CCG").with(csrf())
			.contentType("application/json").content(BASELINE))
			.andExpect(status().isOk());
		verify(runs).importBaseline(org.mockito.ArgumentMatchers.eq(new FinancialYear(2013)),
				org.mockito.ArgumentMatchers.eq(Programme.PRIMARY_CARE_MEDICAL), any(),
				org.mockito.ArgumentMatchers.eq(false));
		verify(runs).importBaseline(org.mockito.ArgumentMatchers.eq(new FinancialYear(2014)),
				org.mockito.ArgumentMatchers.eq(Programme.CORE_CCG), any(), org.mockito.ArgumentMatchers.eq(false));
	}

	private static final String BASELINE = "[{\"ccgCode\": \"00K\", \"allocation\": 1000000}]";

	private static String formulaBody(String year) {
		String curve = org.cocommission.directory.PopulationQueries.AGE_BANDS.stream()
			.map(band -> "\"" + band + "\": 1")
			.collect(java.util.stream.Collectors.joining(", ", "{", "}"));
		return "{\"name\": \"Next\", \"effectiveYear\": " + year + ", \"inequalitiesShareCcg\": 0.1,"
				+ " \"inequalitiesSharePrimaryCare\": 0.1, \"male\": " + curve + ", \"female\": " + curve + "}";
	}

	private static final String RUN_BODY = """
			{"name": "Run", "year": "%s", "programme": "CORE_CCG", "formulaId": 1, "envelope": 1000000,
			 "minimumGrowth": 2, "maximumGrowth": 9, "gapClosure": 25, "overTargetFloor": 1.5}""";

	private static CurrentUser national() {
		return new CurrentUser("national", "National lead", Role.NATIONAL, "X24");
	}
}

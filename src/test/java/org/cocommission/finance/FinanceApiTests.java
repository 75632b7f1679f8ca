package org.cocommission.finance;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.identity.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON API: formulas as versioned data, runs, refusals of bad input, idempotent re-runs, scope. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FinanceFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceApiTests {

	private static final LocalDate EXTRACT = LocalDate.of(2020, 1, 1);

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final FinanceFixture fixture;

	private long formulaId;

	@Autowired
	FinanceApiTests(MockMvc mvc, JdbcClient jdbc, FinanceFixture fixture) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.fixture = fixture;
	}

	@BeforeAll
	void directoryUsersFormulaAndBaseline() throws Exception {
		List<String> ccgs = fixture.area("FAQ", "FAC", 5, EXTRACT);
		fixture.globalSumLists(ccgs);
		fixture.user("fin-api-national", "National", Role.NATIONAL, "X24");
		fixture.user("fin-api-ccg", "CCG", Role.CCG, "FAC1");
		formulaId = fixture.publishedFormula("fin-api-national", "API formula", "2020/21");
		fixture.baseline("fin-api-national", 2019, ccgs, i -> 1_000_000 + i * 50_000);
	}

	@Test
	void aRunReconcilesToTheEnvelopeToThePennyAndStatesTheRoundingRule() throws Exception {
		mvc.perform(as("fin-api-national", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content(run("Reconciles", "5800000.01", "1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalAllocation").value(5800000.01))
			.andExpect(jsonPath("$.results.length()").value(5))
			.andExpect(jsonPath("$.run.roundingRule", containsString("largest-remainder")))
			.andExpect(jsonPath("$.results[0].distancePercent").isNumber());
	}

	@Test
	void rerunningARunGivesIdenticalResults() throws Exception {
		String created = mvc.perform(as("fin-api-national", post("/api/v1/finance/runs"))
			.contentType(MediaType.APPLICATION_JSON).content(run("Idempotent", "5900000", "1")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long id = Long.parseLong(created.replaceAll("(?s)^\\{\"run\":\\{\"id\":(\\d+).*", "$1"));
		List<String> before = resultRows(id);
		mvc.perform(as("fin-api-national", post("/api/v1/finance/runs/" + id + "/rerun"))).andExpect(status().isOk());
		assertThat(resultRows(id)).isEqualTo(before).hasSize(5);
	}

	@Test
	void refusesANegativeEnvelopeWithAClearMessageAndStoresNothing() throws Exception {
		long runs = runCount();
		mvc.perform(as("fin-api-national", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content(run("Negative", "-5", "1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("envelope must be a positive amount")));
		assertThat(runCount()).isEqualTo(runs);
	}

	@Test
	void refusesAYearWithNoRegisteredLists() throws Exception {
		mvc.perform(as("fin-api-national", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content(run("Too early", "6000000", "1").replace("2020/21", "1990/91")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("takes effect in 2020/21")));
		long draft = draftFormula("Early formula", "1990/91");
		mvc.perform(as("fin-api-national", post("/api/v1/finance/formulas/" + draft + "/publish?version=0")))
			.andExpect(status().isOk());
		long runs = runCount();
		mvc.perform(as("fin-api-national", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content(run("Too early", "6000000", "1").replace("2020/21", "1990/91")
				.replace("\"formulaId\":" + formulaId, "\"formulaId\":" + draft)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("no registered lists by age and sex on or before 1990-04-01")));
		assertThat(runCount()).isEqualTo(runs);
	}

	@Test
	void aFailedRunLeavesNoPartialResults() throws Exception {
		long runs = runCount();
		long results = jdbc.sql("select count(*) from finance_run_result").query(Long.class).single();
		// The envelope cannot give every CCG its 50% minimum growth: refused after the lists are read.
		mvc.perform(as("fin-api-national", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content(run("Too small", "6000000", "50").replace("\"maximumGrowth\":\"8\"", "\"maximumGrowth\":\"60\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("minimum growth")));
		assertThat(runCount()).isEqualTo(runs);
		assertThat(jdbc.sql("select count(*) from finance_run_result").query(Long.class).single()).isEqualTo(results);
	}

	@Test
	void refusesWeightsMissingABand() throws Exception {
		mvc.perform(as("fin-api-national", post("/api/v1/finance/formulas")).contentType(MediaType.APPLICATION_JSON)
			.content(FinanceTestData.formulaJson("Missing", "2020/21", true)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("no weight for female 45_49")));
	}

	@Test
	void aPublishedFormulaIsFrozenAndAStaleEditIsAConflict() throws Exception {
		mvc.perform(as("fin-api-national", put("/api/v1/finance/formulas/" + formulaId + "?version=1"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(FinanceTestData.formulaJson("Changed", "2020/21", false)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("frozen")));
		long draft = draftFormula("Editable", "2021/22");
		mvc.perform(as("fin-api-national", put("/api/v1/finance/formulas/" + draft + "?version=0"))
			.contentType(MediaType.APPLICATION_JSON).content(FinanceTestData.formulaJson("Edited", "2021/22", false)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("Edited"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(as("fin-api-national", put("/api/v1/finance/formulas/" + draft + "?version=0"))
			.contentType(MediaType.APPLICATION_JSON).content(FinanceTestData.formulaJson("Stale", "2021/22", false)))
			.andExpect(status().isConflict());
		mvc.perform(as("fin-api-national", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content(run("Draft formula", "6000000", "1").replace("\"formulaId\":" + formulaId, "\"formulaId\":" + draft)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("publish it before running")));
	}

	@Test
	void onlyNationalUsersEditFormulasOrRunAllocations() throws Exception {
		mvc.perform(as("fin-api-ccg", post("/api/v1/finance/formulas")).contentType(MediaType.APPLICATION_JSON)
			.content(FinanceTestData.formulaJson("Not allowed", "2020/21", false)))
			.andExpect(status().isForbidden());
		mvc.perform(as("fin-api-ccg", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content(run("Not allowed", "6000000", "1")))
			.andExpect(status().isForbidden());
		mvc.perform(as("fin-api-ccg", get("/api/v1/finance/runs"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/finance/formulas")).andExpect(status().isUnauthorized());
	}

	@Test
	void theGlobalSumPaysEachPracticeQuarterlyFromItsWeightedList() throws Exception {
		mvc.perform(as("fin-api-ccg", get("/api/v1/finance/global-sum/FAC1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.practices.length()").value(2))
			.andExpect(jsonPath("$.practices[0].quarterly").isNumber())
			.andExpect(jsonPath("$.quarterlyTotal").isNumber())
			.andExpect(jsonPath("$.pricePerWeightedPatient").value(73.56));
		mvc.perform(as("fin-api-ccg", get("/api/v1/finance/global-sum/FAC2"))).andExpect(status().isForbidden());
	}

	@Test
	void theApiDocumentsFinancialYearsAsText() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/finance/budgets'].get.parameters[0].name").value("year"))
			.andExpect(jsonPath("$.paths['/api/v1/finance/budgets'].get.parameters[0].schema.type").value("string"))
			.andExpect(jsonPath("$.paths['/api/v1/quality-premium/schemes/{year}'].get.parameters[0].schema.type")
				.value("string"));
	}

	private long draftFormula(String name, String year) throws Exception {
		String body = mvc.perform(as("fin-api-national", post("/api/v1/finance/formulas"))
			.contentType(MediaType.APPLICATION_JSON).content(FinanceTestData.formulaJson(name, year, false)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
	}

	private List<String> resultRows(long runId) {
		return jdbc.sql("select ccg_code || ' ' || target || ' ' || allocation from finance_run_result"
				+ " where run_id = ? order by ccg_code").param(runId).query(String.class).list();
	}

	private long runCount() {
		return jdbc.sql("select count(*) from finance_run").query(Long.class).single();
	}

	private String run(String name, String envelope, String minimumGrowth) {
		return "{\"name\":\"" + name + "\",\"year\":\"2020/21\",\"programme\":\"CORE_CCG\",\"formulaId\":" + formulaId
				+ ",\"envelope\":\"" + envelope + "\",\"specialisedEnvelope\":\"1000000\",\"minimumGrowth\":\""
				+ minimumGrowth + "\",\"maximumGrowth\":\"8\",\"gapClosure\":\"50\",\"overTargetFloor\":\"1\"}";
	}

	private static MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
		return FinanceFixture.as(username, request);
	}
}

package org.cocommission.finance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Done when: a finance lead runs next year's allocations, tries a faster pace of change, compares the two, exports
 * the annex and publishes indicative budgets that each CCG then sees (and no other CCG does).
 */
@SpringBootTest(properties = "cocommission.test.context=finance")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceScenarioTests {

	private static final String PASSWORD = "finance-scenario-password";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final Map<String, Cookie> sessions = new HashMap<>();

	private long formulaId;

	@Autowired
	FinanceScenarioTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** Like the demo: a published 2014/15 formula, a 2013/14 baseline and a published 2014/15 run. */
	@BeforeAll
	void demoLikeStart() throws Exception {
		LocalDate extract = LocalDate.of(2014, 1, 1);
		List<String> ccgs = new java.util.ArrayList<>(FinanceTestData.area(jdbc, "FSA", "FSC", 6, extract));
		ccgs.addAll(FinanceTestData.area(jdbc, "FSB", "FSD", 3, extract));
		accounts.create(new NewUser("fin-national", "Finance lead", null, Role.NATIONAL, "X24", PASSWORD));
		accounts.create(new NewUser("fin-area", "Area team", null, Role.AREA_TEAM, "FSA", PASSWORD));
		accounts.create(new NewUser("fin-ccg", "CCG", null, Role.CCG, "FSC1", PASSWORD));
		accounts.create(new NewUser("fin-ccg-other", "Other CCG", null, Role.CCG, "FSD1", PASSWORD));
		for (String user : List.of("fin-national", "fin-area", "fin-ccg", "fin-ccg-other")) {
			sessions.put(user, mvc.perform(formLogin().user(user).password(PASSWORD)).andReturn().getResponse()
				.getCookie("SESSION"));
		}
		String formula = mvc.perform(as("fin-national", post("/api/v1/finance/formulas"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(FinanceTestData.formulaJson("2014/15 formula", "2014/15", false)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		formulaId = Long.parseLong(formula.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		mvc.perform(as("fin-national", post("/api/v1/finance/formulas/" + formulaId + "/publish?version=0")))
			.andExpect(status().isOk());
		StringBuilder baseline = new StringBuilder("[");
		for (int i = 0; i < ccgs.size(); i++) {
			baseline.append(i == 0 ? "" : ",").append("{\"ccgCode\":\"").append(ccgs.get(i))
				.append("\",\"allocation\":").append(900_000 + (i % 4) * 120_000).append("}");
		}
		mvc.perform(as("fin-national", post("/api/v1/finance/baselines/2013/CORE_CCG"))
			.contentType(MediaType.APPLICATION_JSON).content(baseline.append("]").toString()))
			.andExpect(status().isOk());
		long run = createRun("2014/15", "10000000");
		mvc.perform(as("fin-national", post("/api/v1/finance/runs/" + run + "/publish"))).andExpect(status().isOk());
	}

	@Test
	void aFinanceLeadRunsNextYearTriesAFasterPaceComparesExportsAndPublishes() throws Exception {
		mvc.perform(page("fin-national", get("/finance/runs")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Allocations 2015/16")));

		String runLocation = mvc.perform(page("fin-national", post("/finance/runs")).with(csrf())
			.param("name", "Allocations 2015/16").param("year", "2015/16").param("programme", "CORE_CCG")
			.param("formulaId", String.valueOf(formulaId)).param("envelope", "10,400,000")
			.param("specialisedEnvelope", "2,000,000").param("minimumGrowth", "1.5").param("maximumGrowth", "9")
			.param("gapClosure", "25").param("overTargetFloor", "1.5"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long first = Long.parseLong(runLocation.substring(runLocation.lastIndexOf('/') + 1));
		mvc.perform(page("fin-national", get(runLocation).param("sort", "name").param("dir", "desc")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("£10,400,000.00")))
			.andExpect(content().string(containsString("largest-remainder")))
			.andExpect(content().string(containsString("Published run")))
			.andExpect(content().string(containsString("distance-chart")));

		String compareLocation = mvc.perform(page("fin-national", post("/finance/runs/" + first + "/scenario")).with(csrf())
			.param("name", "Faster pace").param("envelope", "10400000").param("minimumGrowth", "1.5")
			.param("maximumGrowth", "9").param("gapClosure", "75").param("overTargetFloor", "1.5"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(compareLocation).startsWith("/finance/compare?first=" + first + "&second=");
		long second = Long.parseLong(compareLocation.replaceAll(".*second=(\\d+)", "$1"));
		mvc.perform(page("fin-national", get(compareLocation)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Winners")))
			.andExpect(content().string(containsString("Losers")))
			.andExpect(content().string(containsString("compare-chart")));
		mvc.perform(as("fin-national", get("/api/v1/finance/runs/compare").param("first", String.valueOf(first))
			.param("second", String.valueOf(second))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.winners").isNotEmpty())
			.andExpect(jsonPath("$.losers").isNotEmpty());

		mvc.perform(page("fin-national", get("/finance/runs/" + second + "/annex.xlsx")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")));
		String csv = mvc.perform(page("fin-national", get("/finance/runs/" + second + "/annex.csv")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(csv.lines().findFirst().orElseThrow()).startsWith("CCG code,CCG,Raw population,Weighted population,"
				+ "Allocation £k,Target £k,Distance from target £k,Distance from target %,Allocation £ per head");
		assertThat(csv.lines().count()).isEqualTo(10);

		mvc.perform(page("fin-national", post("/finance/runs/" + second + "/publish")).with(csrf()))
			.andExpect(status().is3xxRedirection());

		mvc.perform(page("fin-ccg", get("/finance/budgets/FSC1").param("year", "2015-16")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NHS FSC1 CCG")))
			.andExpect(content().string(containsString("Peer CCGs")))
			.andExpect(content().string(containsString("until the outcomes capability provides peer groups")));
		mvc.perform(page("fin-ccg", get("/finance/budgets/FSC2").param("year", "2015-16")))
			.andExpect(status().isForbidden());
		mvc.perform(page("fin-ccg", get("/finance/budgets").param("year", "2015-16")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("FSC1")))
			.andExpect(content().string(not(containsString("FSC2"))));
		mvc.perform(page("fin-ccg-other", get("/api/v1/finance/budgets/FSD1").param("year", "2015/16")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].runId").value(second));
		mvc.perform(page("fin-area", get("/api/v1/finance/budgets").param("year", "2015/16")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(6));
		mvc.perform(page("fin-area", get("/api/v1/finance/budgets/FSD1").param("year", "2015/16")))
			.andExpect(status().isForbidden());
		mvc.perform(page("fin-national", get("/api/v1/finance/budgets").param("year", "2015/16")))
			.andExpect(jsonPath("$.length()").value(9));
	}

	@Test
	void pagesRefuseBadInputWithAnErrorSummaryAndStoreNothing() throws Exception {
		long runs = jdbc.sql("select count(*) from finance_run").query(Long.class).single();
		mvc.perform(page("fin-national", post("/finance/runs")).with(csrf())
			.param("name", "Bad").param("year", "2015/16").param("programme", "CORE_CCG")
			.param("formulaId", String.valueOf(formulaId)).param("envelope", "-5").param("specialisedEnvelope", "")
			.param("minimumGrowth", "x").param("maximumGrowth", "9").param("gapClosure", "25")
			.param("overTargetFloor", "1.5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("The envelope must be a positive amount")))
			.andExpect(content().string(containsString("Minimum growth must be a number")));
		assertThat(jdbc.sql("select count(*) from finance_run").query(Long.class).single()).isEqualTo(runs);
	}

	@Test
	void formulaPagesShowTheCostCurveAndOnlyNationalUsersEditDrafts() throws Exception {
		mvc.perform(page("fin-ccg", get("/finance/formulas/" + formulaId)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Age/sex cost curve")))
			.andExpect(content().string(not(containsString("save-formula"))));
		String location = mvc.perform(page("fin-national", post("/finance/formulas")).with(csrf())
			.param("year", "2016/17").param("copyOf", String.valueOf(formulaId)))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		mvc.perform(page("fin-national", get(location)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("save-formula")));
		mvc.perform(page("fin-ccg", post("/finance/formulas")).with(csrf()).param("year", "2016/17"))
			.andExpect(status().isForbidden());
	}

	private long createRun(String year, String envelope) throws Exception {
		String body = mvc.perform(as("fin-national", post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Allocations " + year + "\",\"year\":\"" + year + "\",\"programme\":\"CORE_CCG\","
					+ "\"formulaId\":" + formulaId + ",\"envelope\":\"" + envelope + "\",\"specialisedEnvelope\":\"2000000\","
					+ "\"minimumGrowth\":\"2.14\",\"maximumGrowth\":\"20\",\"gapClosure\":\"50\",\"overTargetFloor\":\"2.14\"}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		return Long.parseLong(body.replaceAll("(?s)^\\{\"run\":\\{\"id\":(\\d+).*", "$1"));
	}

	private MockHttpServletRequestBuilder page(String user, MockHttpServletRequestBuilder request) {
		return request.cookie(sessions.get(user));
	}

	private MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
		return page(user, request).with(csrf());
	}
}

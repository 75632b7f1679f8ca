package org.cocommission.finance;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.demo.FinanceDemo;
import org.cocommission.identity.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The finance demo at a small scale: published 2014/15 budgets that ccg-00k sees at once. */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class FinanceDemoTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final FinanceDemo demo;

	@Autowired
	FinanceDemoTests(MockMvc mvc, JdbcClient jdbc, FinanceDemo demo) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.demo = demo;
	}

	@Test
	void loadsAPublishedRunPerProgrammeThatReconcilesAndSpreadsAroundTarget() {
		List<Long> runs = jdbc.sql("select id from finance_run where financial_year = 2014 and published_at is not null")
			.query(Long.class).list();
		assertThat(runs).hasSize(2);
		for (long run : runs) {
			BigDecimal envelope = jdbc.sql("select envelope from finance_run where id = ?").param(run)
				.query(BigDecimal.class).single();
			BigDecimal total = jdbc.sql("select sum(allocation) from finance_run_result where run_id = ?").param(run)
				.query(BigDecimal.class).single();
			assertThat(total).isEqualByComparingTo(envelope);
			BigDecimal lowest = jdbc.sql("select min((allocation - target) / target) from finance_run_result where run_id = ?")
				.param(run).query(BigDecimal.class).single();
			BigDecimal highest = jdbc.sql("select max((allocation - target) / target) from finance_run_result where run_id = ?")
				.param(run).query(BigDecimal.class).single();
			assertThat(lowest).isBetween(new BigDecimal("-0.15"), new BigDecimal("-0.02"));
			assertThat(highest).isBetween(new BigDecimal("0.02"), new BigDecimal("0.15"));
		}
		assertThat(demo.loadUnlessPresent()).as("loads only once").isFalse();
	}

	@Test
	void eachDemoCcgUserSeesItsIndicativeBudgetAtOnceAndNoOther() throws Exception {
		// At full scale this is ccg-00k; the small test scale keeps fewer CCGs, so take the first two it has.
		List<String> ccgs = jdbc.sql("select distinct ccg_code from finance_run_result order by ccg_code limit 2")
			.query(String.class).list();
		String user = "ccg-" + ccgs.get(0).toLowerCase();
		mvc.perform(get("/api/v1/finance/budgets/" + ccgs.get(0)).param("year", "2014/15")
			.with(httpBasic(user, "demo-password-for-tests")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2));
		mvc.perform(get("/api/v1/finance/budgets/" + ccgs.get(1)).param("year", "2014/15")
			.with(httpBasic(user, "demo-password-for-tests")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theFinanceLeadRunsNextYearOnTheDemoDataWithTheFormAsPrefilled() throws Exception {
		var session = SignIn.session(mvc, "national", "demo-password-for-tests");
		org.springframework.test.web.servlet.request.RequestPostProcessor national = request -> {
			request.setCookies(session);
			return request;
		};
		String page = mvc.perform(get("/finance/runs").with(national)).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		String envelopeInput = page.replaceAll("(?s).*(<input[^>]*\\bname=\"envelope\"[^>]*>).*", "$1");
		String envelope = envelopeInput.replaceAll("(?s).*\\bvalue=\"([0-9]+)\".*", "$1");
		String formula = page.replaceAll("(?s).*<option value=\"([0-9]+)\"[^>]*>Weighted capitation 2014/15.*", "$1");
		String location = mvc.perform(post("/finance/runs").with(national).with(csrf())
			.param("name", "Allocations 2015/16").param("year", "2015/16").param("programme", "CORE_CCG")
			.param("formulaId", formula).param("envelope", envelope).param("specialisedEnvelope", "")
			.param("minimumGrowth", "2.14").param("maximumGrowth", "6").param("gapClosure", "50")
			.param("overTargetFloor", "2.14"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long run = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		BigDecimal total = jdbc.sql("select sum(allocation) from finance_run_result where run_id = ?").param(run)
			.query(BigDecimal.class).single();
		assertThat(total).isEqualByComparingTo(envelope);
		mvc.perform(get(location).with(national)).andExpect(status().isOk());
	}
}

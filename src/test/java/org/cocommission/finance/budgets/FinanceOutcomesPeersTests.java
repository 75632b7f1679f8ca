package org.cocommission.finance.budgets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.finance.FinanceTestData;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The population view's peers: the outcomes capability's peer group of the CCG when it has computed one, finance's
 * interim {@link PeerCcgs} otherwise. Its own context, so that the peer groups it computes reach no other test.
 */
@SpringBootTest(properties = "cocommission.test.context=finance-outcomes-peers")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceOutcomesPeersTests {

	private static final String PASSWORD = "finance-peers-password";

	private static final LocalDate EXTRACT = LocalDate.of(2020, 1, 1);

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final JsonMapper json;

	private final org.springframework.context.ApplicationEventPublisher events;

	@Autowired
	FinanceOutcomesPeersTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts, JsonMapper json, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.json = json;
	}

	@BeforeAll
	void publishedBudgets() throws Exception {
		List<String> ccgs = FinanceTestData.area(jdbc, "FOQ", "FOC", 13, EXTRACT);
		FinanceTestData.changed(events, EXTRACT);
		accounts.create(new NewUser("fin-peers-national", "National", null, Role.NATIONAL, "X24", PASSWORD));
		String body = mvc.perform(as(post("/api/v1/finance/formulas")).contentType(MediaType.APPLICATION_JSON)
			.content(FinanceTestData.formulaJson("Peers formula", "2020/21", false)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long formulaId = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
		mvc.perform(as(post("/api/v1/finance/formulas/" + formulaId + "/publish?version=0"))).andExpect(status().isOk());
		StringBuilder baseline = new StringBuilder("[");
		for (int i = 0; i < ccgs.size(); i++) {
			baseline.append(i == 0 ? "" : ",").append("{\"ccgCode\":\"").append(ccgs.get(i))
				.append("\",\"allocation\":").append(1_000_000 + i * 50_000).append("}");
		}
		mvc.perform(as(post("/api/v1/finance/baselines/2019/CORE_CCG")).contentType(MediaType.APPLICATION_JSON)
			.content(baseline.append("]").toString())).andExpect(status().isOk());
		String run = mvc.perform(as(post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Peers\",\"year\":\"2020/21\",\"programme\":\"CORE_CCG\",\"formulaId\":" + formulaId
					+ ",\"envelope\":\"17800000\",\"specialisedEnvelope\":\"1000000\",\"minimumGrowth\":\"1\","
					+ "\"maximumGrowth\":\"8\",\"gapClosure\":\"50\",\"overTargetFloor\":\"1\"}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long runId = json.readTree(run).get("run").get("id").asLong();
		mvc.perform(as(post("/api/v1/finance/runs/" + runId + "/publish"))).andExpect(status().isOk());
	}

	@Test
	void withoutOutcomesPeerGroupsTheInterimPeersAreUsedThenTheOutcomesPeerGroupWhenComputed() throws Exception {
		jdbc.sql("delete from outcomes_peer").update();
		mvc.perform(as(get("/api/v1/finance/budgets/FOC1/population-view").param("year", "2020/21")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.peers.length()").value(10))
			.andExpect(jsonPath("$.peerDefinition").value(containsString("need per head")));

		mvc.perform(as(post("/api/v1/outcomes/peers/recompute"))).andExpect(status().isOk());
		String group = mvc.perform(as(get("/api/v1/outcomes/peers/FOC1"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<String> outcomesPeers = new ArrayList<>();
		json.readTree(group).forEach(peer -> outcomesPeers.add(peer.get("ccgCode").asString()));
		assertThat(outcomesPeers).hasSize(10);

		String view = mvc.perform(as(get("/api/v1/finance/budgets/FOC1/population-view").param("year", "2020/21")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.peerDefinition").value(containsString("computed by the outcomes indicators")))
			.andReturn().getResponse().getContentAsString();
		List<String> financePeers = new ArrayList<>();
		json.readTree(view).get("peers").forEach(peer -> financePeers.add(peer.get("ccgCode").asString()));
		assertThat(financePeers).as("the outcomes peer group, nearest first").isEqualTo(outcomesPeers);

		var session = SignIn.session(mvc, "fin-peers-national", PASSWORD);
		mvc.perform(get("/finance/budgets/FOC1").param("year", "2020-21").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("computed by the outcomes indicators")));
	}

	@Test
	void aCcgTheOutcomesPeerGroupsLeaveOutKeepsTheInterimPeers() throws Exception {
		mvc.perform(as(post("/api/v1/outcomes/peers/recompute"))).andExpect(status().isOk());
		jdbc.sql("delete from outcomes_peer where ccg_code = 'FOC2'").update();
		mvc.perform(as(get("/api/v1/finance/budgets/FOC2/population-view").param("year", "2020/21")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.peers.length()").value(10))
			.andExpect(jsonPath("$.peerDefinition").value(containsString("need per head")));
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("fin-peers-national", PASSWORD));
	}
}

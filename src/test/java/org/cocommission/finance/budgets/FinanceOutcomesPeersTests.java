package org.cocommission.finance.budgets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.cocommission.finance.FinanceFixture;
import org.cocommission.finance.FinanceTestData;
import org.cocommission.identity.Role;
import org.cocommission.identity.SignIn;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The population view's peers: the outcomes capability's peer group of the CCG when it has computed one, finance's
 * interim {@link PeerCcgs} otherwise. Its budgets are of 2012/13, from lists at 1 April 2012; the same lists stand
 * as England's latest while it runs, so the peer groups are computed among its CCGs alone, and it removes them and the
 * peer groups when done (see {@link FinanceFixture}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FinanceFixture.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceOutcomesPeersTests {

	private static final LocalDate EXTRACT = LocalDate.of(2012, 4, 1);

	/** After every other list of the context, for as long as this class runs. */
	private static final LocalDate PEERS_EXTRACT = LocalDate.of(2031, 1, 1);

	private static final String YEAR = "2012/13";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final FinanceFixture fixture;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	@Autowired
	FinanceOutcomesPeersTests(MockMvc mvc, JdbcClient jdbc, FinanceFixture fixture, JsonMapper json,
			ApplicationEventPublisher events) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.fixture = fixture;
		this.json = json;
		this.events = events;
	}

	@BeforeAll
	void publishedBudgets() throws Exception {
		List<String> ccgs = fixture.area("FOQ", "FOC", 13, EXTRACT, EXTRACT);
		jdbc.sql("insert into directory_registered_patients (practice_code, extract_date, sex, age_band, patients)"
				+ " select practice_code, ?, sex, age_band, patients from directory_registered_patients"
				+ " where practice_code like 'FOC%' and extract_date = ?").params(PEERS_EXTRACT, EXTRACT).update();
		FinanceTestData.changed(events, PEERS_EXTRACT);
		fixture.user("fin-peers-national", "National", Role.NATIONAL, "X24");
		long formulaId = fixture.publishedFormula("fin-peers-national", "Peers formula", YEAR);
		fixture.baseline("fin-peers-national", 2011, ccgs, i -> 1_000_000 + i * 50_000);
		String run = mvc.perform(as(post("/api/v1/finance/runs")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Peers\",\"year\":\"" + YEAR + "\",\"programme\":\"CORE_CCG\",\"formulaId\":" + formulaId
					+ ",\"envelope\":\"17800000\",\"specialisedEnvelope\":\"1000000\",\"minimumGrowth\":\"1\","
					+ "\"maximumGrowth\":\"8\",\"gapClosure\":\"50\",\"overTargetFloor\":\"1\"}"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		long runId = json.readTree(run).get("run").get("id").asLong();
		mvc.perform(as(post("/api/v1/finance/runs/" + runId + "/publish"))).andExpect(status().isOk());
	}

	/** Leaves England's latest lists, and the peer groups (none), as the other tests of the context expect them. */
	@AfterAll
	void removeTheLatestListsAndThePeerGroups() {
		jdbc.sql("delete from directory_registered_patients where extract_date = ?").param(PEERS_EXTRACT).update();
		jdbc.sql("delete from outcomes_peer").update();
		jdbc.sql("delete from outcomes_practice_peer").update();
		FinanceTestData.changed(events, PEERS_EXTRACT);
	}

	@Test
	void withoutOutcomesPeerGroupsTheInterimPeersAreUsedThenTheOutcomesPeerGroupWhenComputed() throws Exception {
		jdbc.sql("delete from outcomes_peer").update();
		mvc.perform(as(get("/api/v1/finance/budgets/FOC1/population-view").param("year", YEAR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.peers.length()").value(10))
			.andExpect(jsonPath("$.peerDefinition").value(containsString("need per head")));

		mvc.perform(as(post("/api/v1/outcomes/peers/recompute"))).andExpect(status().isOk());
		String group = mvc.perform(as(get("/api/v1/outcomes/peers/FOC1"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		List<String> outcomesPeers = new ArrayList<>();
		json.readTree(group).forEach(peer -> outcomesPeers.add(peer.get("ccgCode").asString()));
		assertThat(outcomesPeers).hasSize(10);

		String view = mvc.perform(as(get("/api/v1/finance/budgets/FOC1/population-view").param("year", YEAR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.peerDefinition").value(containsString("computed by the outcomes indicators")))
			.andReturn().getResponse().getContentAsString();
		List<String> financePeers = new ArrayList<>();
		json.readTree(view).get("peers").forEach(peer -> financePeers.add(peer.get("ccgCode").asString()));
		assertThat(financePeers).as("the outcomes peer group, nearest first").isEqualTo(outcomesPeers);

		var session = SignIn.session(mvc, "fin-peers-national", FinanceFixture.PASSWORD);
		mvc.perform(get("/finance/budgets/FOC1").param("year", "2012-13").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("computed by the outcomes indicators")));
	}

	@Test
	void aCcgTheOutcomesPeerGroupsLeaveOutKeepsTheInterimPeers() throws Exception {
		mvc.perform(as(post("/api/v1/outcomes/peers/recompute"))).andExpect(status().isOk());
		jdbc.sql("delete from outcomes_peer where ccg_code = 'FOC2'").update();
		mvc.perform(as(get("/api/v1/finance/budgets/FOC2/population-view").param("year", YEAR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.peers.length()").value(10))
			.andExpect(jsonPath("$.peerDefinition").value(containsString("need per head")));
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return FinanceFixture.as("fin-peers-national", request);
	}
}

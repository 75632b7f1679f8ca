package org.cocommission.outcomes.read;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.OutcomesTestData;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.PracticePeerGroups;
import org.cocommission.outcomes.peers.PeerGroupRefresh;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.cocommission.outcomes.OutcomesTestData.PASSWORD;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Practice peer groups, the comparison with the peers' average, the practice page and its API, and who reaches them how. */
@SpringBootTest(properties = "cocommission.test.context=outcomes-practices")
@AutoConfigureMockMvc
class OutcomesPracticePageTests {

	/** 01A's practices 1,520/2,144 and 01B's 260/400; England 1,780/2,544. */
	private static final String CSV = "ORG_CODE,INDICATOR_ID,PERIOD,NUMERATOR,DENOMINATOR\n"
			+ "A81001,PRAC-DMHBA,2019/20,200,286\nA81002,PRAC-DMHBA,2019/20,900,1258\nB00001,PRAC-DMHBA,2019/20,300,400\n"
			+ "B00002,PRAC-DMHBA,2019/20,120,200\nA81004,PRAC-DMHBA,2019/20,70,100\nA81005,PRAC-DMHBA,2019/20,50,100\n"
			+ "A81006,PRAC-DMHBA,2019/20,60,100\nB00003,PRAC-DMHBA,2019/20,80,100\n";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final PracticePeerGroups practicePeers;

	private final PeerGroups peerGroups;

	private final PeerGroupRefresh refresh;

	@Autowired
	OutcomesPracticePageTests(MockMvc mvc, JdbcClient jdbc, DirectoryImports directoryImports, UserAccounts accounts,
			PracticePeerGroups practicePeers, PeerGroups peerGroups, PeerGroupRefresh refresh) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
		this.practicePeers = practicePeers;
		this.peerGroups = peerGroups;
		this.refresh = refresh;
	}

	@BeforeEach
	void valuesAndPeers() throws Exception {
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
		jdbc.sql("delete from outcomes_practice_peer").update();
		mvc.perform(post("/api/v1/outcomes/imports/long").with(httpBasic("outcomes-national", PASSWORD))
			.contentType("text/csv")
			.content(CSV)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/outcomes/peers/recompute").with(httpBasic("outcomes-national", PASSWORD)))
			.andExpect(status().isOk());
	}

	@Test
	void everyPracticeGetsItsNearestOthersInOrderWithTheVariablesThatMadeThem() {
		List<PracticePeerGroups.Peer> peers = practicePeers.practicePeers("B00003");
		// Eight practices in England: each has the other seven, nearest first.
		assertThat(peers).hasSize(7).extracting(PracticePeerGroups.Peer::practiceCode).doesNotContain("B00003");
		assertThat(peers).extracting(PracticePeerGroups.Peer::rank).containsExactly(1, 2, 3, 4, 5, 6, 7);
		assertThat(peers).extracting(PracticePeerGroups.Peer::distance).isSorted();
		// The fixture's practices of 01B are older than 01A's, and lists grow by 1,000 in code order: A81006 (9,000,
		// 01B) is nearest to B00003 (12,000, 01B).
		assertThat(peers.get(0).practiceCode()).isEqualTo("A81006");
		assertThat(practicePeers.variables("B00003")).extracting(PeerGroups.Variable::variable)
			.containsExactly("LIST_SIZE", "AGED_0_14", "AGED_65_PLUS", "AGED_85_PLUS");
		assertThat(practicePeers.variables("B00003").get(0).value()).isCloseTo(12_000, within(1e-6));
		assertThat(practicePeers.computedAt()).isPresent();
		assertThat(practicePeers.practicePeers("ZZZZZZ")).isEmpty();
	}

	@Test
	void aCcgWithoutAPeerGroupIsAnEmptyListWhereAsked() {
		assertThat(peerGroups.peersOrEmpty("01A")).extracting(PeerGroups.Peer::ccgCode).containsExactly("01B");
		assertThat(peerGroups.peersOrEmpty("ZZZ")).isEmpty();
		assertThatThrownBy(() -> peerGroups.peers("ZZZ")).isInstanceOf(NoSuchElementException.class);
	}

	@Test
	void peersFollowADirectoryImportAndAreRecomputedAtStartUpWhenChangedWhileDown() {
		assertThat(refresh.isStale()).isFalse();
		directoryImports.importRegisteredPatients("lists-again.csv", OutcomesTestData.stream(
				"PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n"
						+ "GP_PRAC_PAT_LIST,01OCT2019,GP,01A,E38000001,A81001,TS1 2AB,MALE,0_4,1000\n"));
		assertThat(refresh.isStale()).as("recomputed once the import committed").isFalse();

		// As after an import made while the application was down: peers computed before the directory's last change.
		jdbc.sql("update outcomes_peer_computation set computed_at = computed_at - interval '1 day'").update();
		assertThat(refresh.isStale()).isTrue();
		refresh.atStartUp();
		assertThat(refresh.isStale()).isFalse();
		assertThat(practicePeers.practicePeers("A81001")).hasSize(7);
	}

	@Test
	void thePracticeSpineComparesWithThePeersPooledAverage() throws Exception {
		// A81001's peers are the seven others: (1,780 - 200) / (2,544 - 286) = 69.97%; A81001's 69.93% is similar.
		mvc.perform(get("/api/v1/outcomes/practices/a81001/spine").with(httpBasic("outcomes-practice", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].indicator.id").value("PRAC-DMHBA"))
			.andExpect(jsonPath("$[0].period").value("2019/20"))
			.andExpect(jsonPath("$[0].practice.value", closeTo(100.0 * 200 / 286, 1e-9)))
			.andExpect(jsonPath("$[0].ccg.orgCode").value("01A"))
			.andExpect(jsonPath("$[0].england", closeTo(100.0 * 1780 / 2544, 1e-9)))
			.andExpect(jsonPath("$[0].peers.value", closeTo(100.0 * 1580 / 2258, 1e-9)))
			.andExpect(jsonPath("$[0].peers.peers").value(7))
			.andExpect(jsonPath("$[0].peers.comparison").value("SIMILAR"))
			.andExpect(jsonPath("$[0].practicesLowest", closeTo(50.0, 1e-9)));
		mvc.perform(get("/api/v1/outcomes/practices/A81001/peers").with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(7))
			.andExpect(jsonPath("$[0].rank").value(1));
		mvc.perform(get("/api/v1/outcomes/practices/A81001/peers/variables").with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(jsonPath("$[0].variable").value("LIST_SIZE"));
	}

	@Test
	void theCcgSpineKeepsItsFieldsAndAddsThePeersAverage() throws Exception {
		// 01A's one peer is 01B, 260/400 = 65%; 01A's 70.9% (95% about 68.9% to 72.8%) is better, high being good.
		mvc.perform(get("/api/v1/outcomes/spine/01A").with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].ccg.value", closeTo(100.0 * 1520 / 2144, 1e-9)))
			.andExpect(jsonPath("$[0].peerMin", closeTo(65.0, 1e-9)))
			.andExpect(jsonPath("$[0].peerAverage", closeTo(65.0, 1e-9)))
			.andExpect(jsonPath("$[0].comparedToPeers").value("BETTER"));
		mvc.perform(get("/outcomes/ccgs/01A/spine.csv").cookie(session("outcomes-ccg")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Compared with peers")))
			.andExpect(content().string(containsString("Significantly better")));
	}

	@Test
	void everySignedInUserReadsAnyPracticeAndNobodyElse() throws Exception {
		mvc.perform(get("/api/v1/outcomes/practices/A81001/spine")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/outcomes/practices/A81001/spine").with(httpBasic("outcomes-practice", PASSWORD)))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/outcomes/practices/ZZZZZZ/spine").with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/outcomes/practices/01A/spine").with(httpBasic("outcomes-ccg", PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/outcomes/practices/ZZZZZZ").cookie(session("outcomes-ccg"))).andExpect(status().isNotFound());
	}

	@Test
	void aPracticeUserOpensOutcomesThenTheirPracticeThenAPeer() throws Exception {
		Cookie practiceUser = session("outcomes-practice");
		String home = mvc.perform(get("/outcomes").cookie(practiceUser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"your-practice\"")))
			.andReturn().getResponse().getContentAsString();
		assertThat(home).contains("href=\"/outcomes/practices/B00003\"");
		String page = mvc.perform(get("/outcomes/practices/B00003").cookie(practiceUser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PRACTICE B00003 (B00003)")))
			.andExpect(content().string(containsString("data-chart-type=\"spine\"")))
			.andExpect(content().string(containsString("id=\"practice-spine-table\"")))
			// 80/100 (95% 71.1% to 86.7%) against its peers' 1,700/2,444 = 69.6%.
			.andExpect(content().string(containsString("69.56 (50.00 to 75.00)")))
			.andExpect(content().string(containsString("Significantly better")))
			.andExpect(content().string(containsString("Registered patients (compared on a log scale)")))
			.andExpect(content().string(containsString("12,000")))
			.andReturn().getResponse().getContentAsString();
		Matcher firstPeer = Pattern.compile("href=\"/outcomes/practices/([A-Z0-9]+)\" id=\"peer-").matcher(page);
		assertThat(firstPeer.find()).isTrue();
		assertThat(firstPeer.group(1)).isEqualTo("A81006");
		mvc.perform(get("/outcomes/practices/" + firstPeer.group(1)).cookie(practiceUser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PRACTICE A81006 (A81006)")))
			.andExpect(content().string(containsString("href=\"/outcomes/practices/B00003\"")));
		assertThat(page).contains("/outcomes/practices/B00003/indicators/PRAC-DMHBA?period=2019/20");
		mvc.perform(get("/outcomes/practices/B00003/indicators/PRAC-DMHBA").param("period", "2019/20").cookie(practiceUser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-chart-type=\"practices-in-ccg\"")))
			.andExpect(content().string(containsString("PRACTICE B00003 (B00003), this practice")))
			.andExpect(content().string(containsString("PRACTICE A81004 (A81004)")))
			.andExpect(content().string(not(containsString("PRACTICE A81001 (A81001)"))));
		mvc.perform(get("/outcomes/practices/B00003/indicators/PRAC-DMHBA/practices.csv").param("period", "2019/20")
			.cookie(practiceUser)).andExpect(status().isOk()).andExpect(content().string(containsString("A81005")));
		mvc.perform(get("/outcomes/practices/B00003/spine.csv").cookie(practiceUser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Compared with peers")));
		mvc.perform(get("/outcomes/practices/B00003/peers.csv").cookie(practiceUser))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("A81006")));
	}

	@Test
	void aCommissionerReachesAPracticeFromTheCcgPageAndFromTheLeagueTable() throws Exception {
		Cookie commissioner = session("outcomes-ccg");
		mvc.perform(get("/outcomes/ccgs/01A").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Compared with peers")))
			.andExpect(content().string(containsString("href=\"/outcomes/ccgs/01A/practices\"")));
		mvc.perform(get("/outcomes/ccgs/01A/practices").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/outcomes/practices/A81002\"")))
			.andExpect(content().string(containsString("4 practices")));
		mvc.perform(get("/outcomes/ccgs/01A/practices").param("q", "A81002").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 practice<")))
			.andExpect(content().string(not(containsString("href=\"/outcomes/practices/A81001\""))));
		mvc.perform(get("/outcomes/ccgs/01A/practices").param("q", "nothing like it").cookie(commissioner))
			.andExpect(content().string(containsString("id=\"no-practices\"")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "practice").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/outcomes/practices/A81005\"")));
		mvc.perform(get("/outcomes/practices").param("code", " a81002 ").cookie(commissioner))
			.andExpect(redirectedUrl("/outcomes/practices/A81002"));
		mvc.perform(get("/outcomes/practices/A81002").cookie(commissioner)).andExpect(status().isOk());
	}

	@Test
	void anUnknownCodeGoesBackToTheFormWithAnErrorNotToANotFoundPage() throws Exception {
		Cookie commissioner = session("outcomes-ccg");
		var unknown = mvc.perform(get("/outcomes/practices").param("code", "zz999").cookie(commissioner))
			.andExpect(redirectedUrl("/outcomes#choose-practice"))
			.andExpect(flash().attribute("practiceProblem",
					"There is no GP practice with the code ZZ999: enter a practice's ODS code, for example A81001"))
			.andReturn();
		mvc.perform(get("/outcomes").cookie(commissioner).flashAttrs(unknown.getFlashMap()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"practice-code-error\"")))
			.andExpect(content().string(containsString("value=\"zz999\"")));
		// A CCG's code is not a practice's either.
		mvc.perform(get("/outcomes/practices").param("code", "01A").cookie(commissioner))
			.andExpect(redirectedUrl("/outcomes#choose-practice"));
		mvc.perform(get("/outcomes/practices").param("code", " ").cookie(commissioner))
			.andExpect(flash().attribute("practiceProblem", "Enter a practice code, for example A81001"));
	}

	@Test
	void anUnknownOrganisationOnAnIndicatorPageIsSaidNotDrawnAsABlankLine() throws Exception {
		Cookie commissioner = session("outcomes-ccg");
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "ccg").param("org", "ZZZ99").cookie(commissioner))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No organisation has the code ZZZ99")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "ccg").param("org", "A81002").cookie(commissioner))
			.andExpect(content().string(containsString("has no value for this indicator among the CCGs")));
		mvc.perform(get("/outcomes/indicators/PRAC-DMHBA").param("level", "practice").param("org", "A81002")
			.cookie(commissioner))
			.andExpect(content().string(not(containsString("id=\"org-error\""))));
	}

	private Cookie session(String username) throws Exception {
		return mvc.perform(formLogin().user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
	}
}

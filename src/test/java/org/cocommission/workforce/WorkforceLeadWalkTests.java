package org.cocommission.workforce;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

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

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 20's "Done when" for the workforce, walked as a new workforce lead would through the API and pages: loads two
 * Septembers of the practice-level "Detailed" file as published, sees GP FTE per 10,000 patients for each practice
 * against its peers and over time (on the workforce page and on the practice's outcomes spine), then loads the
 * national series and sees GPs' growth against consultants'. Shares WorkforceApiTests' context; its months are its own.
 */
@SpringBootTest(properties = "cocommission.test.context=workforce")
@AutoConfigureMockMvc
class WorkforceLeadWalkTests {

	private static final String PASSWORD = "workforce-lead-password";

	/**
	 * The 2017 vintage's layout (commissioner, STP and region columns, every staff group's headcount and FTE, GP age
	 * bands): WFA1 has 6 GP FTE for 10,000 patients in 2017 and 5 in 2018; WFA2 2 for 4,000, then withheld; WFB1 3.5
	 * for 5,000 both years.
	 */
	private static final String HEADER = "PRAC_CODE,PRAC_NAME,CCG_CODE,CCG_NAME,STP_CODE,STP_NAME,REGION_CODE,"
			+ "REGION_NAME,EXTRACT_DATE,TOTAL_PATIENTS,TOTAL_GP_HC,TOTAL_GP_FTE,TOTAL_GP_EXTGL_HC,TOTAL_GP_EXTGL_FTE,"
			+ "TOTAL_NURSES_HC,TOTAL_NURSES_FTE,TOTAL_DPC_HC,TOTAL_DPC_FTE,TOTAL_ADMIN_HC,TOTAL_ADMIN_FTE,"
			+ "TOTAL_GP_HC_UNDER30,TOTAL_GP_HC_30TO54,TOTAL_GP_HC_55TO59,TOTAL_GP_HC_60PLUS\r\n";

	private static final String SEPTEMBER_2017 = WorkforceTestFiles.BOM + HEADER
			+ "WFA1,THE FIRST SURGERY,WFC1,NHS WORKFORCE ONE CCG,QWF,WORKFORCE STP,Y99,SOUTH,30SEP2017,10000,8,6.00,7,5.50,"
			+ "3,2.50,2,1.20,12,9.00,1,5,1,1\r\n"
			+ "WFA2,THE SECOND SURGERY,WFC1,NHS WORKFORCE ONE CCG,QWF,WORKFORCE STP,Y99,SOUTH,30SEP2017,4000,3,2.00,3,2.00,"
			+ "1,0.80,1,0.40,4,3.00,0,2,1,0\r\n"
			+ "WFB1,THIRD MEDICAL CENTRE,WFC2,NHS WORKFORCE TWO CCG,QWF,WORKFORCE STP,Y99,SOUTH,30SEP2017,5000,4,3.50,4,"
			+ "3.50,2,1.50,1,0.50,6,4.50,0,3,1,0\r\n";

	private static final String SEPTEMBER_2018 = WorkforceTestFiles.BOM + HEADER
			+ "WFA1,THE FIRST SURGERY,WFC1,NHS WORKFORCE ONE CCG,QWF,WORKFORCE STP,Y99,SOUTH,30SEP2018,10000,7,5.00,6,4.50,"
			+ "3,2.50,2,1.20,12,9.00,1,4,1,1\r\n"
			+ "WFA2,THE SECOND SURGERY,WFC1,NHS WORKFORCE ONE CCG,QWF,WORKFORCE STP,Y99,SOUTH,30SEP2018,4000,ND,ND,ND,ND,"
			+ "1,0.80,1,0.40,4,3.00,ND,ND,ND,ND\r\n"
			+ "WFB1,THIRD MEDICAL CENTRE,WFC2,NHS WORKFORCE TWO CCG,QWF,WORKFORCE STP,Y99,SOUTH,30SEP2018,5000,4,3.50,4,"
			+ "3.50,2,1.50,1,0.50,6,4.50,0,3,1,0\r\n";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserAccounts accounts;

	@Test
	void aWorkforceLeadLoadsTheFilesAndSeesEachPracticeAgainstItsPeersOverTimeAndTheNationalGrowth()
			throws Exception {
		WorkforceTestFiles.directory(jdbc);
		if (accounts.find("wf-lead").isEmpty()) {
			accounts.create(new NewUser("wf-lead", "Workforce lead", null, Role.NATIONAL, "X24", PASSWORD));
		}
		Cookie lead = SignIn.session(mvc, "wf-lead", PASSWORD);
		// The outcomes module chose WFA1's most similar practices from registered lists; this directory has none.
		jdbc.sql("insert into outcomes_practice_peer (practice_code, peer_codes, distances, raw_values, z_scores)"
				+ " values ('WFA1', '{WFB1,WFA2}', '{0.4,0.6}', '{}', '{}') on conflict do nothing").update();

		for (String file : new String[] { SEPTEMBER_2017, SEPTEMBER_2018 }) {
			mvc.perform(post("/api/v1/workforce/imports/practice-detailed").cookie(lead)
				.with(csrf())
				.contentType(MediaType.valueOf("text/csv"))
				.content(file))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.rowsStored").value(3))
				.andExpect(jsonPath("$.warnings").isEmpty());
		}

		// Each practice, the withheld one withheld.
		mvc.perform(get("/api/v1/workforce/measures?measure=GP_FTE_PER_10K&level=practice&date=2018-09").cookie(lead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].orgCode", contains("WFA1", "WFA2", "WFB1")))
			.andExpect(jsonPath("$[*].value", contains(5.0, null, 7.0)))
			.andExpect(jsonPath("$[*].withheld", contains(false, true, false)));
		// Against its peers: WFB1's 7.0; WFA2, withheld, is out of the peers' figure.
		mvc.perform(get("/api/v1/workforce/peers?measure=GP_FTE_PER_10K&level=practice&date=2018-09&org=WFA1")
			.cookie(lead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.organisation.value").value(5.0))
			.andExpect(jsonPath("$.peers[*].orgCode", contains("WFB1", "WFA2")))
			.andExpect(jsonPath("$.peersValue").value(7.0));
		// Over time.
		mvc.perform(get("/api/v1/workforce/trend?measure=GP_FTE_PER_10K&level=practice&org=WFA1").cookie(lead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.month == '2017-09')].value", contains(6.0)))
			.andExpect(jsonPath("$[?(@.month == '2018-09')].value", contains(5.0)));
		// The page: the practice against its peers, and its own line over time beside England's.
		mvc.perform(get("/workforce?measure=GP_FTE_PER_10K&level=practice&date=2018-09&org=WFA1").cookie(lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"peer-chart\"")))
			.andExpect(content().string(matchesPattern("(?s).*id=\"trend-table\".*>WFA1</td>\\s*"
					+ "<td class=\"nhsuk-table__cell\">September 2018</td>\\s*<td[^>]*>5\\.0</td>.*")));
		// The practice's outcomes spine chart has the workforce indicators, at the latest September.
		mvc.perform(get("/api/v1/outcomes/practices/WFA1/spine").cookie(lead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.indicator.id == 'WF-GP-FTE-PER-10K')].period", contains("2018-09")))
			.andExpect(jsonPath("$[?(@.indicator.id == 'WF-GP-FTE-PER-10K')].practice.value",
					contains(closeTo(5.0, 0.0001))))
			.andExpect(jsonPath("$[?(@.indicator.id == 'WF-GP-FTE-PER-10K')].peers.value",
					contains(closeTo(7.0, 0.0001))));

		// The national balance: GPs against hospital consultants since 2000.
		mvc.perform(post("/api/v1/workforce/imports/hchs").cookie(lead)
			.with(csrf())
			.contentType(MediaType.valueOf("text/csv"))
			.content(WorkforceTestFiles.HCHS))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/workforce/national-growth?group=GPs&group=Consultants").cookie(lead))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].staffGroup", contains("Consultants", "GPs")))
			.andExpect(jsonPath("$[*].growthPercent", contains(76.0, 21.0)));
		mvc.perform(get("/workforce").cookie(lead))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"growth-chart\"")));
	}
}

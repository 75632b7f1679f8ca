package org.cocommission.qualitypremium;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import org.cocommission.identity.Role;
import org.cocommission.identity.SignedInUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 7's "done when", through the pages as a new user goes, following links and posting the forms: a national
 * analyst loads a year's CCG data, computes every CCG's premium, opens one CCG's line-by-line explanation and
 * publishes the statements; the CCG then reads its statement, and not another CCG's.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(QualityPremiumFixture.class)
class QualityPremiumDoneWhenPageTests {

	private static final LocalDate EXTRACT = LocalDate.of(2014, 4, 1);

	private final MockMvc mvc;

	private final SignedInUsers users;

	private final QualityPremiumFixture fixture;

	@Autowired
	QualityPremiumDoneWhenPageTests(MockMvc mvc, QualityPremiumFixture fixture) {
		this.mvc = mvc;
		this.users = new SignedInUsers(mvc, QualityPremiumFixture.PASSWORD);
		this.fixture = fixture;
	}

	@BeforeEach
	void directoryAndUsers() {
		fixture.organisation("QDR", "REGION", "Region D");
		fixture.organisation("QDT", "AREA_TEAM", "Area team D", "QDR");
		fixture.ccg("QDA", "NHS DELTA CCG", "QDT", "Delta surgery", EXTRACT, 226_000);
		fixture.ccg("QDB", "NHS EPSILON CCG", "QDT", "Epsilon surgery", EXTRACT, 100_000);
		fixture.nationalAnalyst("qd-analyst");
		fixture.user("qd-area", "Area team D", Role.AREA_TEAM, "QDT");
		fixture.user("qd-ccg-a", "Delta CCG", Role.CCG, "QDA");
	}

	private RequestPostProcessor as(String user) throws Exception {
		return users.as(user);
	}

	private String page(String url, String user) throws Exception {
		return mvc.perform(get(url).with(as(user))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	/** The href of the link with this id, as a person clicking it would follow. */
	private static String link(String html, String id) {
		Matcher tag = Pattern.compile("<a\\b[^>]*\\bid=\"" + id + "\"[^>]*>").matcher(html);
		assertThat(tag.find()).as("a link with id " + id).isTrue();
		return href(tag.group());
	}

	/** The href of the first link whose address matches the pattern. */
	private static String linkTo(String html, String pattern) {
		Matcher matcher = Pattern.compile("href=\"(" + pattern + ")\"").matcher(html);
		assertThat(matcher.find()).as("a link to " + pattern).isTrue();
		return HtmlUtils.htmlUnescape(matcher.group(1));
	}

	private static String href(String tag) {
		Matcher matcher = Pattern.compile("href=\"([^\"]*)\"").matcher(tag);
		assertThat(matcher.find()).isTrue();
		return HtmlUtils.htmlUnescape(matcher.group(1));
	}

	/** Delta achieves all but IAPT access and misses the cancer standard; Epsilon has a significant quality failure. */
	static final String DATA_2014 = """
			CCG_CODE,RECORD,CODE,PERIOD,VALUE
			QDA,MEASURE,PYLL,2013/14,2000
			QDA,MEASURE,PYLL,2014/15,1900
			QDA,MEASURE,IAPT,2014/15,12
			QDA,MEASURE,AEA,2013/14,1000
			QDA,MEASURE,AEA,2014/15,990
			QDA,MEASURE,FFT,2014/15,1
			QDA,MEASURE,MEDSAFE,2014/15,1
			QDA,MEASURE,LOCAL1,2014/15,1
			QDA,STANDARD,RTT18,2014/15,93
			QDA,STANDARD,AE4H,2014/15,96
			QDA,STANDARD,CANCER62,2014/15,80
			QDA,STANDARD,AMBRED1,2014/15,77
			QDA,GATEWAY,FINANCE,2014/15,1
			QDA,GATEWAY,QUALITY,2014/15,1
			QDB,MEASURE,FFT,2014/15,1
			QDB,GATEWAY,FINANCE,2014/15,1
			QDB,GATEWAY,QUALITY,2014/15,0
			""";

	@Test
	void aNationalAnalystLoadsComputesExplainsAndPublishesThroughThePagesAndTheCcgReadsOnlyItsOwnStatement()
			throws Exception {
		// The CCG proposes its local measure from its home page's link; its area team agrees it on the same page.
		String ccgHome = page("/quality-premium", "qd-ccg-a");
		String localMeasures = link(ccgHome, "local-measures-link") + "?year=2014-15";
		assertThat(page(localMeasures, "qd-ccg-a")).contains("id=\"propose-button\"");
		mvc.perform(post("/quality-premium/local-measures").with(as("qd-ccg-a")).with(csrf()).param("year", "2014/15")
			.param("ccgCode", "QDA").param("slotCode", "LOCAL1").param("title", " ").param("description", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("Give the local measure a title")));
		mvc.perform(post("/quality-premium/local-measures").with(as("qd-ccg-a")).with(csrf()).param("year", "2014/15")
			.param("ccgCode", "QDA").param("slotCode", "LOCAL1").param("title", "Dementia diagnosis")
			.param("description", "Diagnosis rate at least 60% of expected prevalence"))
			.andExpect(status().is3xxRedirection());
		String areaPage = page(link(page("/quality-premium", "qd-area"), "local-measures-link") + "?year=2014-15", "qd-area");
		Matcher decision = Pattern.compile("action=\"(/quality-premium/local-measures/\\d+/decision)\"").matcher(areaPage);
		assertThat(decision.find()).as("the area team's decision form").isTrue();
		mvc.perform(post(decision.group(1)).with(as("qd-area")).with(csrf()).param("year", "2014/15")
			.param("version", "0").param("decision", "agree"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(localMeasures, "qd-ccg-a")).contains("Dementia diagnosis").contains("Agreed");

		// The analyst starts from the home page, which lists the steps, and follows the link to upload the data.
		String home = page("/quality-premium", "qd-analyst");
		assertThat(home).contains("A year, step by step");
		String dataPage = page(link(home, "data-link"), "qd-analyst");
		assertThat(dataPage).contains("action=\"/quality-premium/data\"").contains("enctype=\"multipart/form-data\"");
		mvc.perform(multipart("/quality-premium/data").with(as("qd-analyst")).with(csrf()).param("year", "2014/15"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nhsuk-error-summary")))
			.andExpect(content().string(containsString("Choose a CSV file to upload")));
		String loaded = mvc.perform(multipart("/quality-premium/data").file(new MockMultipartFile("file",
				"ccg-data-2014-15.csv", "text/csv", DATA_2014.getBytes())).param("year", "2014/15").with(as("qd-analyst"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ccg-data-2014-15.csv loaded")))
			.andReturn().getResponse().getContentAsString();

		// Back home by the "next" link, and compute the year from its form.
		assertThat(page(link(loaded, "next-compute"), "qd-analyst")).contains("action=\"/quality-premium/runs\"");
		String runUrl = mvc.perform(post("/quality-premium/runs").param("year", "2014/15").with(as("qd-analyst"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();

		// The national view: totals, the distribution (chart and table), downloads, and every CCG linked.
		String run = page(runUrl, "qd-analyst");
		assertThat(run).contains("Computed, not published").contains("id=\"qp-distribution\"")
			.contains("id=\"distribution-table\"").contains("NHS DELTA CCG").contains("id=\"publish-button\"");
		mvc.perform(get(link(run, "csv-link")).with(as("qd-analyst")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("QDA,NHS DELTA CCG,226000,1130000.00,960500.00,240125.00,720375.00")));
		mvc.perform(get(link(run, "xlsx-link")).with(as("qd-analyst"))).andExpect(status().isOk());

		// One CCG's explanation, line by line, as a finance lead would redo it by hand.
		String explanation = page(linkTo(run, "/quality-premium/runs/\\d+/ccgs/QDA"), "qd-analyst");
		assertThat(HtmlUtils.htmlUnescape(explanation))
			.contains("226,000 people × £5.00 per head")
			.contains("£1,130,000.00 × 15% = £169,500.00")
			.contains("from 2,000.0 to 1,900.0 is a reduction of 5.00% against a reduction of at least 3.2%: achieved")
			.contains("12.0% against at least 15.0%: not achieved")
			.contains("£960,500.00")
			.contains("80.0% against 85%: missed, reduces the award by 25%")
			.contains("-£240,125.00")
			.contains("£720,375.00")
			.contains("63.75%")
			.contains("id=\"measure-outcomes\"")
			.contains("Missed: -25%")
			.contains("id=\"gateway-outcomes\"");
		// Not visible to the CCG until published.
		mvc.perform(get(linkTo(run, "/quality-premium/runs/\\d+/ccgs/QDA")).with(as("qd-ccg-a")))
			.andExpect(status().isForbidden());

		// Publishing is its own explicit step, from the run page.
		String published = mvc.perform(post(runUrl + "/publish").with(as("qd-analyst")).with(csrf())
			.param("override", "Some CCGs have gaps in this test's data"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		assertThat(page(published, "qd-analyst")).contains("The statements are published").contains(">Published<")
			.doesNotContain("id=\"publish-button\"");

		// The CCG user finds the statement from the home page, as a page and as a PDF.
		String statementUrl = linkTo(page("/quality-premium", "qd-ccg-a"), "/quality-premium/statements/2014-15/QDA");
		String statement = page(statementUrl, "qd-ccg-a");
		assertThat(statement).contains("£720,375.00 (63.75% of the maximum)");
		mvc.perform(get(link(statement, "pdf-link")).with(as("qd-ccg-a")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		mvc.perform(get("/quality-premium/statements/2014-15/QDB").with(as("qd-ccg-a")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/quality-premium").with(as("qd-ccg-a")))
			.andExpect(content().string(not(containsString("NHS EPSILON CCG"))));

		// The year's scheme is now frozen: the page offers no edit, and a posted edit is refused with the reason.
		String scheme = page("/quality-premium/schemes/2014-15", "qd-analyst");
		assertThat(scheme).doesNotContain("id=\"save-scheme\"").contains("id=\"copy-scheme\"");
		mvc.perform(post("/quality-premium/schemes/2014-15").with(as("qd-analyst")).with(csrf()).param("version", "0")
			.param("maxPerHead", "6").param("reductionMode", "ADDITIVE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("copy it to a new year instead")));

		// And the run can be redone from what it stored.
		assertThat(page(link(page(runUrl, "qd-analyst"), "reproduce-link"), "qd-analyst")).contains("Reproduced: all");
	}

	@Test
	void computingAYearWithNoDataSaysWhatToDoAndARunUnderAChangedSchemeCannotBePublished() throws Exception {
		mvc.perform(post("/quality-premium/schemes/2014-15/copy").with(as("qd-analyst")).with(csrf()).param("to", "2040"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not a financial year")));
		mvc.perform(post("/quality-premium/schemes/2014-15/copy").with(as("qd-analyst")).with(csrf())
			.param("to", "2041/42"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/quality-premium/runs").param("year", "2041/42").with(as("qd-analyst")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("No data is loaded for 2041/42 yet")));

		mvc.perform(multipart("/quality-premium/data").file(new MockMultipartFile("file", "d.csv", "text/csv",
				"CCG_CODE,RECORD,CODE,PERIOD,VALUE\nQDA,MEASURE,FFT,2041/42,1\n".getBytes()))
			.param("year", "2041/42").with(as("qd-analyst")).with(csrf()))
			.andExpect(content().string(containsString("d.csv loaded")));
		String runUrl = mvc.perform(post("/quality-premium/runs").param("year", "2041/42").with(as("qd-analyst"))
			.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(post("/quality-premium/schemes/2041-42").with(as("qd-analyst")).with(csrf()).param("version", "0")
			.param("maxPerHead", "5").param("reductionMode", "ADDITIVE").param("reduction[AE4H]", "10"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post(runUrl + "/publish").with(as("qd-analyst")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("was changed after run")));
		assertThat(page(runUrl, "qd-analyst")).contains("Computed, not published");
	}
}

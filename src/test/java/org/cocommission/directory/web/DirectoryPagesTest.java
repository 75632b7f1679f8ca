package org.cocommission.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The directory's pages, as an anonymous member of the public sees them, on the crafted directory. */
@SpringBootTest(properties = DirectoryPagesTest.OWN_DATABASE)
@AutoConfigureMockMvc
class DirectoryPagesTest {

	/** Gives the directory web tests a context, and so a database, of their own: coverage counts every practice. */
	static final String OWN_DATABASE = "cocommission.test.context=directory-web";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.cocommission.identity.UserAccounts accounts;

	@BeforeEach
	void directory() {
		DirectoryFixture.insertOnce(jdbc);
	}

	@Test
	void homeShowsTheNationalSummaryAndThatCoverageIsNotComplete() throws Exception {
		String page = html("/");
		assertThat(page).contains("id=\"summary-regions\">1<", "id=\"summary-area-teams\">2<", "id=\"summary-ccgs\">3<",
				"id=\"summary-practices\">6<", "id=\"summary-patients\">11,000<")
			.contains("Coverage is not complete", "90.9%", "<span>1</span> <span>practice has</span> no CCG")
			.contains("hx-get=\"/search/suggestions\"", "hx-trigger=\"input changed delay:250ms, search\"")
			.doesNotContain("echarts");
	}

	@Test
	void homeLeadsASignedInUserToEveryCapabilityButShowsThePublicNoneOfThem() throws Exception {
		String signedIn = mvc.perform(get("/").with(user("commissioner").roles("CCG")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(signedIn.substring(signedIn.indexOf("id=\"capabilities\""))).containsSubsequence(
				"href=\"/governance\"", "href=\"/co-commissioning\"", "href=\"/finance\"",
				"href=\"/quality-premium\"", "href=\"/outcomes\"", "href=\"/audit\"");
		assertThat(html("/")).doesNotContain("id=\"capabilities\"");
	}

	@Test
	void everyPageSaysWhenTheDirectoryHoldsSyntheticData() throws Exception {
		for (String url : List.of("/", "/organisations", "/organisations/F82001", "/coverage", "/search?q=x")) {
			assertThat(html(url)).as(url)
				.contains("cc-synthetic-banner", "This directory holds a generated demo dataset");
		}
	}

	@Test
	void practicePageShowsItsChainFromNhsEnglandDownAndItsRegisteredList() throws Exception {
		String page = html("/organisations/F82001");
		int nav = page.indexOf("id=\"hierarchy\"");
		String breadcrumbs = page.substring(nav, page.indexOf("</nav>", nav));
		assertThat(breadcrumbs).containsSubsequence("NHS England", "London Commissioning Region", "London Area Team",
				"NHS Barking and Dagenham CCG");
		assertThat(page).contains("Barking Medical Centre", "IG11 8QU", "020 7946 0000", "4,000", "1 April 2024")
			.contains("id=\"population-pyramid\"", "data-chart=", "Show as a table", "90 and over", "2,242")
			.contains("/webjars/echarts/5.5.0/echarts.min.js", "id=\"list-size-history\"", "3,900")
			.contains("id=\"memberships\"", "Current")
			.containsSubsequence("id=\"revisions\"", "Postcode", "IG11 8QT", "IG11 8QU");
	}

	@Test
	void ccgPageListsItsMemberPracticesSortableByListSize() throws Exception {
		String descending = html("/organisations/07L?sort=list-size&dir=desc");
		String table = descending.substring(descending.indexOf("id=\"children-table\""));
		assertThat(table).containsSubsequence("Barking Medical Centre", "Abbey Road Surgery", "Border Health Centre")
			.contains("Barking Walk-in Centre", "Walk-in centre", "Closed Road Surgery")
			.contains("aria-sort=\"descending\"");
		String ascending = html("/organisations/07L?sort=list-size&dir=asc");
		assertThat(ascending.substring(ascending.indexOf("id=\"children-table\""))).containsSubsequence(
				"Border Health Centre", "Abbey Road Surgery", "Barking Medical Centre");
		assertThat(descending).contains("London Area Team").contains("7,500");
	}

	@Test
	void areaTeamPageShowsTheCcgsItHadOnAnEarlierDate() throws Exception {
		assertThat(html("/organisations/Q72")).contains("None on this date").doesNotContain("NHS Havering CCG");
		assertThat(html("/organisations/Q72?date=2013-06-01")).contains("Hierarchy as at", "1 June 2013",
				"NHS Havering CCG");
		assertThat(html("/organisations/08F")).containsSubsequence("id=\"memberships\"", "London Area Team", "Current",
				"North East London Area Team", "31 Mar 2014", "Ended");
	}

	@Test
	void placeholderCcgSaysItIsAPlaceholder() throws Exception {
		assertThat(html("/organisations/99X")).contains("id=\"placeholder-notice\"", "is a placeholder",
				"Unknown Commissioner Practice");
	}

	@Test
	void unknownOrganisationIsAFriendly404() throws Exception {
		mvc.perform(get("/organisations/ZZZ999"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("No organisation with code ZZZ999")))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void codeTypedInLowerCaseRedirectsToTheOrganisation() throws Exception {
		mvc.perform(get("/organisations/f82001")).andExpect(redirectedUrl("/organisations/F82001"));
	}

	@Test
	void listFiltersByTypeSortsAndPages() throws Exception {
		String first = html("/organisations?type=GP_PRACTICE&sort=code&size=3");
		assertThat(first).containsSubsequence("F82001", "F82002", "F82003")
			.doesNotContain(">F82004<")
			.contains("Showing <strong>1</strong> to\n", "<strong>8</strong>")
			.contains("nhsuk-tabs__list-item--selected", "aria-sort=\"ascending\"")
			.contains("class=\"nhsuk-pagination__item nhsuk-pagination__item--current\"")
			.contains("href=\"/organisations?type=GP_PRACTICE&amp;sort=code&amp;page=1&amp;size=3\"");
		String second = html("/organisations?type=GP_PRACTICE&sort=code&size=3&page=1");
		assertThat(second).containsSubsequence(">F82004<", ">F82005<", ">F82006<").doesNotContain(">F82001<");
		String byNameDescending = html("/organisations?type=GP_PRACTICE&sort=name&dir=desc");
		assertThat(byNameDescending).containsSubsequence("Unknown Commissioner Practice", "Lonely Lane Surgery",
				"Abbey Road Surgery");
		assertThat(html("/organisations?parent=07L")).contains("Showing only organisations directly under",
				"Barking Medical Centre").doesNotContain("Havering Family Practice");
	}

	@Test
	void listGivesAClearMessageForANegativePageAndAnUnknownType() throws Exception {
		mvc.perform(get("/organisations?page=-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("The page number must be 0 or more")));
		mvc.perform(get("/organisations?type=HOSPITAL"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not an organisation type")));
		assertThat(html("/organisations?type=CCG&sort=shoe-size")).containsSubsequence("NHS Barking and Dagenham CCG",
				"NHS Havering CCG");
	}

	@Test
	void listDownloadsAsCsvWithAHeaderAndEveryRow() throws Exception {
		String csv = mvc.perform(get("/organisations.csv?type=CCG&sort=code"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("organisations-ccg.csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().toList()).hasSize(5)
			.first()
			.isEqualTo("code,name,type,practice_type,postcode,status,open_date,close_date,registered_patients,"
					+ "parent_codes,placeholder");
		assertThat(csv).contains("07L,NHS Barking and Dagenham CCG,CCG,,RM10 7AS,Active,2013-04-01,,7500,Q71,false");
	}

	@Test
	void coveragePageListsTheGapTheOverlapAndThePopulationCovered() throws Exception {
		String page = html("/coverage");
		assertThat(page).contains("Not complete", "cc-panel--gaps", "90.91%")
			.containsSubsequence("id=\"practices-without-ccg\"", "F82004", "Lonely Lane Surgery")
			.containsSubsequence("id=\"practices-in-several-ccgs\"", "F82005", "Border Health Centre",
					"NHS Barking and Dagenham CCG", "NHS Havering CCG")
			.containsSubsequence("id=\"ccgs-without-area-team\"", "09A", "NHS Orphan Vale CCG");
		assertThat(html("/coverage?date=2013-01-01")).contains("No GP practice was open on this date");
	}

	/** Issue 22, defect 10: the README promises type-ahead in the header search, which searched only on Enter. */
	@Test
	void theHeaderSearchSuggestsAsPeopleTypeOnEveryPage() throws Exception {
		for (String url : List.of("/coverage", "/organisations/F82001")) {
			String header = html(url);
			header = header.substring(header.indexOf("id=\"search-field\""), header.indexOf("</search>"));
			assertThat(header).as(url)
				.contains("hx-get=\"/search/suggestions\"", "hx-target=\"#header-suggestions\"",
						"hx-trigger=\"input changed delay:250ms, search\"", "id=\"header-suggestions\"");
		}
	}

	/** Issue 22: a practice user's menu offered commissioning work a practice cannot use. */
	@Test
	void aPracticeUsersMenuOffersOnlyWhatAPracticeCanUse() throws Exception {
		if (accounts.find("practice-f82001").isEmpty()) {
			accounts.create(new org.cocommission.identity.NewUser("practice-f82001", "Practice F82001", null,
					org.cocommission.identity.Role.PRACTICE, "F82001", "practice-menu-1"));
		}
		jakarta.servlet.http.Cookie session = org.cocommission.identity.SignIn.session(mvc, "practice-f82001",
				"practice-menu-1");
		String menu = mvc.perform(get("/coverage").cookie(session)).andReturn().getResponse().getContentAsString();
		menu = menu.substring(menu.indexOf("aria-label=\"Menu\""), menu.indexOf("</nav>", menu.indexOf("aria-label=\"Menu\"")));
		assertThat(menu).contains("href=\"/outcomes\"", "href=\"/notices\"")
			.doesNotContain("href=\"/co-commissioning\"", "href=\"/governance\"", "href=\"/finance\"",
					"href=\"/quality-premium\"");
	}

	/** Issue 22, defect 9: coverage on a date listed all 8,069 practices on one page. */
	@Test
	void coverageIsPagedWithThePracticesWithoutACcgFirst() throws Exception {
		String first = html("/coverage?size=1");
		assertThat(first).contains("Showing 1 to 1 of 2", "F82004", "href=\"/coverage?page=2&amp;size=1\"")
			.doesNotContain("F82005");
		String second = html("/coverage?page=2&size=1");
		assertThat(second).contains("Showing 2 to 2 of 2", "F82005", "NHS Havering CCG", "href=\"/coverage?page=1&amp;size=1\"")
			.doesNotContain("F82004");
		mvc.perform(get("/coverage?size=501")).andExpect(status().isBadRequest());
	}

	@Test
	void coverageOnAnImpossibleDateIsA400WithAClearMessage() throws Exception {
		mvc.perform(get("/coverage?date=2015-02-30"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("is not a date")));
	}

	@Test
	void coverageDownloadsAsCsv() throws Exception {
		String csv = mvc.perform(get("/coverage.csv"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.lines().toList()).hasSize(7);
		assertThat(csv).startsWith("date,practice_code,practice_name,postcode,coverage,ccg_count,ccg_codes")
			.contains(",F82004,Lonely Lane Surgery,RM8 2BB,No CCG,0,,500,2024-04-01")
			.contains(",F82005,Border Health Centre,RM7 0AA,Several CCGs,2,07L;08F,500,2024-04-01");
	}

	@Test
	void suggestionsShowTypeCodePostcodeAndCcgAsAFragment() throws Exception {
		String fragment = html("/search/suggestions?q=barking medical");
		assertThat(fragment).doesNotContain("<html")
			.contains("href=\"/organisations/F82001\"", "Barking Medical Centre", "GP practice", "IG11 8QU",
					"NHS Barking and Dagenham CCG");
		assertThat(html("/search/suggestions?q=nothing-like-this")).contains("No organisation matches");
	}

	@Test
	void searchListsMatchesAndAnExactCodeGoesStraightToTheOrganisation() throws Exception {
		assertThat(html("/search?q=havering")).contains("id=\"search-results\"", "NHS Havering CCG",
				"Havering Family Practice");
		mvc.perform(get("/search?q=f82003")).andExpect(redirectedUrl("/organisations/F82003"));
	}

	/**
	 * Issue 22: search results show the registered list the organisation page shows, of the same extract, for a
	 * practice, a practice in two CCGs, a CCG, an area team and a closed practice with no list.
	 */
	@Test
	void searchResultsShowTheRegisteredListTheOrganisationPageShows() throws Exception {
		java.util.Map<String, String> searches = new java.util.LinkedHashMap<>();
		searches.put("F82001", "Barking Medical");
		searches.put("F82005", "Border Health");
		searches.put("07L", "Barking and Dagenham");
		searches.put("Q71", "London Area");
		searches.put("F82007", "Closed Road");
		for (var search : searches.entrySet()) {
			String code = search.getKey();
			String results = html("/search?q=" + search.getValue());
			String row = text(results, "data-code=\"" + code + "\"", "</td>");
			String page = text(html("/organisations/" + code), "id=\"current-list-size\"", "</dd>");
			assertThat(figure(row)).as(code + " in the search results against its page").isEqualTo(figure(page));
		}
		assertThat(figure(text(html("/search?q=Barking Medical"), "data-code=\"F82001\"", "</td>")))
			.isEqualTo("4,000 1 April 2024");
		assertThat(figure(text(html("/search?q=London Area"), "data-code=\"Q71\"", "</td>"))).isEqualTo("9,500 1 April 2024");
	}

	/** The text of the element from {@code start} to {@code end}, tags left out. */
	private static String text(String html, String start, String end) {
		int from = html.indexOf(start);
		assertThat(from).as(start).isNotNegative();
		return html.substring(from, html.indexOf(end, from)).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
	}

	/** The list size and its extract date as shown ("4,000 1 April 2024"), or "Not known". */
	private static String figure(String text) {
		java.util.regex.Matcher number = java.util.regex.Pattern.compile("\\b\\d[\\d,]*\\b(?! [A-Z][a-z]+ \\d{4})").matcher(text);
		java.util.regex.Matcher date = java.util.regex.Pattern.compile("\\b\\d{1,2} [A-Z][a-z]+ \\d{4}\\b").matcher(text);
		if (text.contains("Not known")) {
			return "Not known";
		}
		return (number.find() ? number.group() : "?") + " " + (date.find() ? date.group() : "?");
	}

	private String html(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}
}

package org.cocommission.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The directory's public JSON API on the crafted directory, called anonymously. */
@SpringBootTest(properties = DirectoryPagesTest.OWN_DATABASE)
@AutoConfigureMockMvc
class DirectoryApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void directory() {
		DirectoryFixture.insertOnce(jdbc);
	}

	@Test
	void organisationHasItsTypeNameParentChainAndCurrentListSize() throws Exception {
		mvc.perform(get("/api/v1/organisations/F82001"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("F82001"))
			.andExpect(jsonPath("$.type").value("GP_PRACTICE"))
			.andExpect(jsonPath("$.name").value("Barking Medical Centre"))
			.andExpect(jsonPath("$.parentChain[*].code").value(contains("07L", "Q71", "Y56", "X24")))
			.andExpect(jsonPath("$.parentChain[0].name").value("NHS Barking and Dagenham CCG"))
			.andExpect(jsonPath("$.parentChain[0].type").value("CCG"))
			.andExpect(jsonPath("$.currentListSize").value(4000))
			.andExpect(jsonPath("$.listSizeDate").value("2024-04-01"))
			.andExpect(jsonPath("$.postcode").value("IG11 8QU"));
		mvc.perform(get("/api/v1/organisations/07l"))
			.andExpect(jsonPath("$.currentListSize").value(7500))
			.andExpect(jsonPath("$.parentChain[*].code").value(contains("Q71", "Y56", "X24")));
	}

	@Test
	void unknownOrganisationIsAProblem404() throws Exception {
		for (String path : List.of("/api/v1/organisations/ZZZ999", "/api/v1/organisations/ZZZ999/children",
				"/api/v1/organisations/ZZZ999/pyramid")) {
			mvc.perform(get(path))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(404))
				.andExpect(jsonPath("$.detail").value("No organisation with code ZZZ999"));
		}
	}

	@Test
	void listIsPagedSortedAndCounted() throws Exception {
		String body = mvc.perform(get("/api/v1/organisations?type=GP_PRACTICE&sort=code&size=2&page=1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code").value(contains("F82003", "F82004")))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.total").value(8))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json.readValue(body, new TypeReference<Map<String, Object>>() {
		}).keySet()).containsExactlyInAnyOrder("items", "page", "size", "total");
		mvc.perform(get("/api/v1/organisations?type=GP_PRACTICE&sort=list-size&dir=desc&size=3"))
			.andExpect(jsonPath("$.items[*].code").value(contains("F82001", "F82002", "F82003")));
		mvc.perform(get("/api/v1/organisations?parent=08F"))
			.andExpect(jsonPath("$.items[*].code").value(containsInAnyOrder("F82003", "F82005")));
		mvc.perform(get("/api/v1/organisations?size=0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The page size must be between 1 and 500, not 0."));
	}

	@Test
	void childrenFollowTheHierarchyOnTheDateAsked() throws Exception {
		mvc.perform(get("/api/v1/organisations/Q72/children?date=2013-06-01"))
			.andExpect(jsonPath("$[*].code").value(contains("08F")));
		mvc.perform(get("/api/v1/organisations/Q72/children")).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(get("/api/v1/organisations/Q71/children"))
			.andExpect(jsonPath("$[*].code").value(containsInAnyOrder("07L", "08F")));
	}

	@Test
	void membershipsRevisionsListSizesAndPyramid() throws Exception {
		mvc.perform(get("/api/v1/organisations/08F/memberships"))
			.andExpect(jsonPath("$[*].parent.code").value(contains("Q71", "Q72")))
			.andExpect(jsonPath("$[0].validFrom").value("2014-04-01"))
			.andExpect(jsonPath("$[0].validTo").value(nullValue()))
			.andExpect(jsonPath("$[1].validTo").value("2014-03-31"));
		mvc.perform(get("/api/v1/organisations/F82001/revisions"))
			.andExpect(jsonPath("$[*].change").value(contains("UPDATED", "CREATED")))
			.andExpect(jsonPath("$[0].attributes.postcode").value("IG11 8QU"));
		mvc.perform(get("/api/v1/organisations/07L/list-sizes"))
			.andExpect(jsonPath("$[*].extractDate").value(contains("2024-01-01", "2024-04-01")))
			.andExpect(jsonPath("$[*].patients").value(contains(7350, 7500)));
		mvc.perform(get("/api/v1/organisations/F82001/pyramid"))
			.andExpect(jsonPath("$.bands", hasSize(19)))
			.andExpect(jsonPath("$.bands[0].ageBand").value("0_4"))
			.andExpect(jsonPath("$.bands[18].ageBand").value("90+"))
			.andExpect(jsonPath("$.male").value(2242))
			.andExpect(jsonPath("$.female").value(1827));
		mvc.perform(get("/api/v1/organisations/F82002/pyramid"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("No registered patients by age and sex for F82002"));
	}

	@Test
	void searchFindsByNameAndRejectsABadLimit() throws Exception {
		mvc.perform(get("/api/v1/search?q=havering"))
			.andExpect(jsonPath("$[*].code").value(containsInAnyOrder("08F", "F82003")));
		mvc.perform(get("/api/v1/search?q=F8200&limit=2")).andExpect(jsonPath("$", hasSize(2)));
		mvc.perform(get("/api/v1/search?q=x&limit=1000")).andExpect(status().isBadRequest());
	}

	@Test
	void coverageHasExactlyTheAgreedFieldsAndFindsTheGapAndTheOverlap() throws Exception {
		String body = mvc.perform(get("/api/v1/coverage"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.practicesOpen").value(6))
			.andExpect(jsonPath("$.practicesCovered").value(4))
			.andExpect(jsonPath("$.practicesWithoutCcg").value(contains("F82004")))
			.andExpect(jsonPath("$.practicesInSeveralCcgs").value(contains("F82005")))
			.andExpect(jsonPath("$.ccgs").value(3))
			.andExpect(jsonPath("$.populationCoveredPercent").value(90.91))
			.andExpect(jsonPath("$.ccgsWithoutAreaTeam").value(contains("09A")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json.readValue(body, new TypeReference<Map<String, Object>>() {
		}).keySet()).containsExactlyInAnyOrder("date", "practicesOpen", "practicesCovered", "practicesWithoutCcg",
				"practicesInSeveralCcgs", "ccgs", "populationCoveredPercent", "ccgsWithoutAreaTeam",
				"ccgsInSeveralAreaTeams");
		mvc.perform(get("/api/v1/coverage?date=2014-01-01"))
			.andExpect(jsonPath("$.date").value("2014-01-01"))
			.andExpect(jsonPath("$.practicesOpen").value(7))
			.andExpect(jsonPath("$.populationCoveredPercent").value(nullValue()));
	}

	@Test
	void coverageOnABadDateIsAProblem400() throws Exception {
		mvc.perform(get("/api/v1/coverage?date=01/04/2015"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").value(containsString("is not a date")))
			.andExpect(jsonPath("$.errors[0].field").value("date"));
	}

	/** The CSV works out which practices are open itself, so it is checked against the coverage figures on several dates. */
	@Test
	void coverageCsvAgreesWithTheCoverageFigures() throws Exception {
		for (String date : List.of("2013-01-01", "2014-01-01", "2024-06-01")) {
			String csv = mvc.perform(get("/api/v1/coverage.csv?date=" + date))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			Map<String, Object> coverage = json.readValue(
					mvc.perform(get("/api/v1/coverage?date=" + date)).andReturn().getResponse().getContentAsString(),
					new TypeReference<Map<String, Object>>() {
					});
			List<String[]> rows = csv.lines().skip(1).map(line -> line.split(",", -1)).toList();
			assertThat(rows).hasSize((Integer) coverage.get("practicesOpen"));
			assertThat(new TreeSet<>(rows.stream().filter(row -> row[4].equals("No CCG")).map(row -> row[1]).toList()))
				.containsExactlyElementsOf(new TreeSet<>(strings(coverage.get("practicesWithoutCcg"))));
			assertThat(new TreeSet<>(rows.stream().filter(row -> row[4].equals("Several CCGs")).map(row -> row[1]).toList()))
				.containsExactlyElementsOf(new TreeSet<>(strings(coverage.get("practicesInSeveralCcgs"))));
		}
	}

	@Test
	void nationalSummaryCountsEachLevel() throws Exception {
		mvc.perform(get("/api/v1/directory/summary"))
			.andExpect(jsonPath("$.regions").value(1))
			.andExpect(jsonPath("$.areaTeams").value(2))
			.andExpect(jsonPath("$.ccgs").value(3))
			.andExpect(jsonPath("$.openPractices").value(6))
			.andExpect(jsonPath("$.otherSettings").value(1))
			.andExpect(jsonPath("$.registeredPatients").value(11000))
			.andExpect(jsonPath("$.latestExtract").value("2024-04-01"));
	}

	@Test
	void openApiDescribesTheDirectoryApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/coverage'].get.summary").value("Coverage on a date (default today)"))
			.andExpect(jsonPath("$.paths['/api/v1/organisations/{code}'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/search'].get").exists());
		mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (List<String>) value;
	}
}

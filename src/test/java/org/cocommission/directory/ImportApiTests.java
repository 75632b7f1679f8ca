package org.cocommission.directory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.cocommission.directory.DirectoryTestData.areaTeam;
import static org.cocommission.directory.DirectoryTestData.ccg;
import static org.cocommission.directory.DirectoryTestData.practice;
import static org.cocommission.directory.DirectoryTestData.region;
import static org.cocommission.directory.DirectoryTestData.sample;
import static org.cocommission.directory.DirectoryTestData.stream;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class ImportApiTests {

	private static final String PASSWORD = "correct-horse-battery";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final DirectoryImports imports;

	private final UserAccounts accounts;

	@Autowired
	ImportApiTests(MockMvc mvc, JdbcClient jdbc, DirectoryImports imports, UserAccounts accounts) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.imports = imports;
		this.accounts = accounts;
	}

	@BeforeEach
	void directoryAndUsers() {
		DirectoryTestData.emptyDirectory(jdbc);
		imports.importOds(OdsFile.REGIONS, "regions.csv", stream(region("Y01", "NORTH")));
		imports.importOds(OdsFile.AREA_TEAMS, "area-teams.csv", stream(areaTeam("Q01", "TEES", "Y01")));
		imports.importOds(OdsFile.ECCG, "eccg.csv", stream(ccg("01A", "NHS FIRST CCG", "Y01", "Q01")));
		if (accounts.find("national-importer").isEmpty()) {
			accounts.create(new NewUser("national-importer", "National importer", null, Role.NATIONAL, "X24", PASSWORD));
			accounts.create(new NewUser("ccg-importer", "CCG user", null, Role.CCG, "01A", PASSWORD));
		}
	}

	@Test
	void aNationalUserImportsEpraccurAndGetsTheReport() throws Exception {
		mvc.perform(post("/api/v1/directory/imports/epraccur").with(httpBasic("national-importer", PASSWORD))
			.contentType("text/csv")
			.content(sample("epraccur-excerpt.csv")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rowsRead").value(20))
			.andExpect(jsonPath("$.created").value(20))
			.andExpect(jsonPath("$.updated").value(0))
			.andExpect(jsonPath("$.unchanged").value(0))
			.andExpect(jsonPath("$.warnings[0].row").value(1))
			.andExpect(jsonPath("$.warnings[0].message", containsString("00K")))
			.andExpect(jsonPath("$.errors").isEmpty());
	}

	@Test
	void anInvalidFileGets422WithTheReportAndStoresNothing() throws Exception {
		mvc.perform(post("/api/v1/directory/imports/epraccur").with(httpBasic("national-importer", PASSWORD))
			.contentType("text/csv")
			.content(practice("B82001", "GOOD", "01A", "20130401") + practice("BAD!", "BAD", "01A", "20130401")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rowsRead").value(1))
			.andExpect(jsonPath("$.created").value(0))
			.andExpect(jsonPath("$.errors[0].row").value(2))
			.andExpect(jsonPath("$.errors[0].message").value("bad ODS code 'BAD!'"));

		mvc.perform(post("/api/v1/directory/imports/registered-patients").with(httpBasic("national-importer", PASSWORD))
			.contentType("text/csv")
			.content(sample("gp-reg-pat-prac-all-excerpt.csv")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].message", containsString("practice A84002 is not in the directory")));
	}

	@Test
	void onlyNationalUsersMayImport() throws Exception {
		mvc.perform(post("/api/v1/directory/imports/epraccur").with(httpBasic("ccg-importer", PASSWORD))
			.contentType("text/csv")
			.content(sample("epraccur-excerpt.csv"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/directory/imports/epraccur").contentType("text/csv")
			.content(sample("epraccur-excerpt.csv"))).andExpect(status().isUnauthorized());
	}

	@Test
	void anUnknownKindOfFileIsNotFound() throws Exception {
		mvc.perform(post("/api/v1/directory/imports/hospitals").with(httpBasic("national-importer", PASSWORD))
			.contentType("text/csv")
			.content("x")).andExpect(status().isNotFound());
	}

	@Test
	void theUploadPageShowsRowErrorsAndStoresNothing() throws Exception {
		var file = new MockMultipartFile("file", "epraccur.csv", "text/csv",
				practice("B82001", "GOOD", "01A", "2013-04-01").getBytes());
		mvc.perform(multipart("/directory/imports").file(file).param("kind", "epraccur")
			.with(user("national-importer").roles("NATIONAL")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("epraccur.csv was not imported")))
			.andExpect(content().string(containsString("invalid join commissioner date")));
		mvc.perform(multipart("/directory/imports").file(new MockMultipartFile("file", "epraccur.csv", "text/csv",
				sample("epraccur-excerpt.csv").getBytes()))
			.param("kind", "epraccur")
			.with(user("national-importer").roles("NATIONAL"))
			.with(csrf())).andExpect(content().string(containsString("20 rows read: 20 created")));
	}
}

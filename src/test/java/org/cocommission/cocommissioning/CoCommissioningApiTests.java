package org.cocommission.cocommissioning;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.applications.AttachmentTypesTests;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON API: rounds, an application with its version (409 on a stale one), scope (403), the public register. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
class CoCommissioningApiTests {

	private static final String PASSWORD = CoCommissioningTestData.PASSWORD;

	private final MockMvc mvc;

	private final MutableClock clock;

	@Autowired
	CoCommissioningApiTests(MockMvc mvc, MutableClock clock, DirectoryImports imports, UserAccounts accounts,
			UserDuties duties) {
		this.mvc = mvc;
		this.clock = clock;
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	@Test
	void draftsThroughTheApiWithVersionsAndScope() throws Exception {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		String round = """
				{"name": "API round", "levels": ["JOINT", "DELEGATED"], "eoiDeadline": "2014-12-19T17:00:00",
				 "applicationDeadline": "2015-01-30T17:00:00", "goLiveOn": "2015-04-01", "scoreMin": 0, "scoreMax": 4,
				 "criteria": ["Integration"]}""";
		mvc.perform(post("/api/v1/co-commissioning/rounds").with(httpBasic("cc-ao-50a", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(round))
			.andExpect(status().isForbidden());
		String created = mvc.perform(post("/api/v1/co-commissioning/rounds").with(httpBasic("cc-national", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(round))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.applicationDeadline").value("2015-01-30T17:00:00Z"))
			.andReturn().getResponse().getContentAsString();
		String roundId = created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");

		mvc.perform(post("/api/v1/co-commissioning/rounds/" + roundId + "/interest")
			.with(httpBasic("cc-ao-50b", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"ccg\": \"50B\", \"level\": \"JOINT\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.level").value("JOINT"));
		String started = mvc.perform(post("/api/v1/co-commissioning/rounds/" + roundId + "/applications")
			.with(httpBasic("cc-ao-50b", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"ccg\": \"50B\", \"level\": \"JOINT\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.missing", hasItem(containsString("Integration of care outside hospital"))))
			.andReturn().getResponse().getContentAsString();
		String id = started.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");
		String application = "/api/v1/co-commissioning/applications/" + id;

		mvc.perform(put(application + "/sections").with(httpBasic("cc-ao-50b", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sections\": {\"INTEGRATION\": \"One plan for care outside hospital\"}, \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put(application + "/sections").with(httpBasic("cc-ao-50b", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"sections\": {\"INTEGRATION\": \"A stale edit\"}, \"version\": 0}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("Someone else changed this")));
		mvc.perform(post(application + "/submit").with(httpBasic("cc-ao-50b", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"Go\", \"version\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("Raising standards of primary care: describe")));
		mvc.perform(get(application).with(httpBasic("cc-ao-50a", PASSWORD))).andExpect(status().isForbidden());
		mvc.perform(get(application).with(httpBasic("cc-area-q50", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sections.INTEGRATION").value("One plan for care outside hospital"));
		mvc.perform(get("/api/v1/co-commissioning/national").with(httpBasic("cc-area-q50", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/co-commissioning/national").param("round", roundId).with(httpBasic("cc-national", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ccgs.length()").value(3));
		mvc.perform(get("/api/v1/co-commissioning/national.csv").param("round", roundId).with(httpBasic("cc-national", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("50B,NHS BETA CCG")));
	}

	@Test
	void setsTheQuorumAndPerLevelDeadlinesAndListsNoticesThroughTheApi() throws Exception {
		String round = """
				{"name": "API per-level round", "levels": ["JOINT", "DELEGATED"], "eoiDeadline": "2014-12-19T17:00:00",
				 "applicationDeadline": "2015-01-30T17:00:00", "goLiveOn": "2015-04-01", "scoreMin": 0, "scoreMax": 4,
				 "criteria": ["Integration"], "levelDeadlines": {"DELEGATED": "2015-01-09T17:00:00"}}""";
		String created = mvc.perform(post("/api/v1/co-commissioning/rounds").with(httpBasic("cc-national", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(round))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.levelDeadlines.DELEGATED").value("2015-01-09T17:00:00Z"))
			.andExpect(jsonPath("$.quorum.minGp").value(1))
			.andReturn().getResponse().getContentAsString();
		String quorum = "/api/v1/co-commissioning/rounds/" + created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1") + "/quorum";
		String body = "{\"minVotingPresent\": 4, \"minLay\": 2, \"minGp\": 1, \"minExecutive\": 1, \"version\": 0}";
		mvc.perform(put(quorum).with(httpBasic("cc-ao-50a", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isForbidden());
		mvc.perform(put(quorum).with(httpBasic("cc-national", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.quorum.minLay").value(2))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put(quorum).with(httpBasic("cc-national", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isConflict());
		mvc.perform(post("/api/v1/co-commissioning/ccgs/50B/delegation-notice").with(httpBasic("cc-ao-50b", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"revertsTo\": \"JOINT\", \"reason\": \"Not delegated\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("50B does not hold delegated commissioning, so there is nothing to end"));
		mvc.perform(get("/api/v1/co-commissioning/ccgs/50B/delegation-notices").with(httpBasic("cc-ao-50b", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
	}

	@Test
	void attachesADocumentUploadedAsAFileAndRefusesOneThatIsNotADocument() throws Exception {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		String round = """
				{"name": "API attachments round", "levels": ["JOINT"], "eoiDeadline": "2014-12-19T17:00:00",
				 "applicationDeadline": "2015-01-30T17:00:00", "goLiveOn": "2015-04-01", "scoreMin": 0, "scoreMax": 4,
				 "criteria": ["Integration"]}""";
		String created = mvc.perform(post("/api/v1/co-commissioning/rounds").with(httpBasic("cc-national", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content(round))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String attachmentsRound = "/api/v1/co-commissioning/rounds/" + created.replaceAll("(?s).*?\"id\":(\\d+).*", "$1");
		mvc.perform(post(attachmentsRound + "/interest").with(httpBasic("cc-ao-51a", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON).content("{\"ccg\": \"51A\", \"level\": \"JOINT\"}"))
			.andExpect(status().isCreated());
		String started = mvc.perform(post(attachmentsRound + "/applications")
			.with(httpBasic("cc-ao-51a", PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"ccg\": \"51A\", \"level\": \"JOINT\"}"))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		String application = "/api/v1/co-commissioning/applications/" + started.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1");

		mvc.perform(multipart(application + "/attachments")
			.file(new MockMultipartFile("file", "plan.pdf", "application/pdf", AttachmentTypesTests.pdf()))
			.param("version", "0").with(httpBasic("cc-ao-51a", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(multipart(application + "/attachments")
			.file(new MockMultipartFile("file", "notes.pdf", "application/pdf", "plain text".getBytes()))
			.param("version", "1").with(httpBasic("cc-ao-51a", PASSWORD)))
			.andExpect(status().isBadRequest());
		mvc.perform(get(application).with(httpBasic("cc-ao-51a", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.attachments.length()").value(1))
			.andExpect(jsonPath("$.attachments[0].fileName").value("plan.pdf"));
	}

	@Test
	void thePublicReadsApprovedArrangementsAndLevelsWithoutSigningIn() throws Exception {
		mvc.perform(get("/api/v1/public/co-commissioning/arrangements")).andExpect(status().isOk());
		mvc.perform(get("/api/v1/public/co-commissioning/ccgs/50A/levels")).andExpect(status().isOk());
		mvc.perform(get("/public/co-commissioning")).andExpect(status().isOk())
			.andExpect(content().string(containsString("Approved primary care co-commissioning arrangements")));
		mvc.perform(get("/api/v1/co-commissioning/rounds")).andExpect(status().isUnauthorized());
		mvc.perform(get("/v3/api-docs")).andExpect(content().string(containsString("/api/v1/co-commissioning/applications/{id}/submit")));
	}
}

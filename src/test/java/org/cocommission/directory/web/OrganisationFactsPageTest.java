package org.cocommission.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import org.cocommission.directory.OrganisationFacts;

/** Another capability's facts appear on the organisation page, without the directory knowing the capability. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(OrganisationFactsPageTest.LevelFacts.class)
class OrganisationFactsPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theOrganisationPageShowsEachCapabilitysFactsForThatOrganisationOnly() throws Exception {
		DirectoryFixture.insertOnce(jdbc);

		String ccg = mvc.perform(get("/organisations/07L")).andReturn().getResponse().getContentAsString();
		String practice = mvc.perform(get("/organisations/F82001")).andReturn().getResponse().getContentAsString();

		assertThat(ccg).containsSubsequence("Crafted facts", "Crafted level", "Joint commissioning",
				"Current", "1 Apr 2015", "No end date", "See the arrangement");
		assertThat(practice).doesNotContain("Crafted facts");
	}

	@TestConfiguration
	static class LevelFacts {

		@Bean
		OrganisationFacts craftedFacts() {
			return (code, asAt) -> code.equals("07L")
					? Optional.of(new OrganisationFacts.FactSection("Crafted facts",
							List.of(new OrganisationFacts.Fact("Crafted level", "Joint commissioning",
									LocalDate.of(2015, 4, 1), null, !asAt.isBefore(LocalDate.of(2015, 4, 1)))),
							"/organisations/07L", "See the arrangement"))
					: Optional.empty();
		}
	}
}

package org.cocommission.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A NUL character, which PostgreSQL cannot store or compare in text, is a bad request, never a 500. */
@SpringBootTest
@AutoConfigureMockMvc
class NulCharacterTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void theApiAnswersANulInAParameterWithAProblem() throws Exception {
		mvc.perform(get("/api/v1/search").param("q", "a\u0000b"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("q"));
	}

	@Test
	void aPageAnswersANulInAParameterWithABadRequestPage() throws Exception {
		mvc.perform(get("/organisations").param("q", "a\u0000b")).andExpect(status().isBadRequest());
	}
}

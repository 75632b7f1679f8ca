package org.cocommission.outcomes.discussions;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesValues;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The discussion forms as Spring binds them: a refusal or a value that is not one comes back on its field. */
@WebMvcTest(DiscussionPageController.class)
@WithMockUser
class DiscussionPageControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Discussions discussions;

	@MockitoBean
	DiscussionCommentChanges changes;

	@MockitoBean
	Indicators indicators;

	@MockitoBean
	OutcomesValues values;

	@MockitoBean
	AccessPolicy access;

	@Test
	void aRefusedStartShowsEachMessageOnItsFieldWithTheValuesKept() throws Exception {
		when(discussions.start(any())).thenThrow(new DiscussionInputException(
				Map.of("title", "Enter a title")));
		mvc.perform(post("/outcomes/discussions").with(csrf())
			.param("orgCode", "01A")
			.param("title", "")
			.param("text", "Kept as typed")
			.param("chart", "none"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#title\">Enter a title</a>")))
			.andExpect(content().string(containsString("id=\"title-error\"")))
			.andExpect(content().string(containsString(">Kept as typed</textarea>")))
			.andExpect(content().string(containsString("value=\"01A\"")));
	}

	@Test
	void aVersionThatIsNotANumberIsAFieldErrorAndNothingIsSaved() throws Exception {
		mvc.perform(post("/outcomes/discussions").with(csrf())
			.param("orgCode", "01A")
			.param("title", "A title")
			.param("text", "A comment")
			.param("published", "perhaps"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose yes or no")));
		verify(discussions, never()).start(any());
	}
}

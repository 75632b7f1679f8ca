package org.cocommission.outcomes.alerts;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.read.OutcomesTrends;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The alerts' query parameters as Spring binds them: blank means not given, a value not known is a 400. */
@WebMvcTest({ AlertApiController.class, AlertPageController.class })
@WithMockUser
class AlertControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OutcomesAlerts alerts;

	@MockitoBean
	OutcomesTrends trends;

	@MockitoBean
	Indicators indicators;

	@MockitoBean
	AccessPolicy access;

	@Test
	void aBlankLevelMeansCcgs() throws Exception {
		when(trends.trends("IND", OutcomesLevel.CCG, "01A")).thenReturn(List.of());
		mvc.perform(get("/api/v1/outcomes/trends").param("indicator", "IND").param("level", "").param("org", "01A"))
			.andExpect(status().isOk());
		verify(trends).trends("IND", OutcomesLevel.CCG, "01A");
	}

	@Test
	void anUnknownLevelOrAMissingOrganisationIsABadRequestThatSaysWhy() throws Exception {
		mvc.perform(get("/api/v1/outcomes/trends").param("indicator", "IND").param("level", "parish")
			.param("org", "01A"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(
					"level must be one of practice, ccg, icb, area-team, region, england, not 'parish'"));
		mvc.perform(get("/api/v1/outcomes/trends").param("indicator", "IND"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("org is required"));
	}

	@Test
	void aFilterValueNotKnownIsABadRequestThatSaysWhy() throws Exception {
		mvc.perform(get("/api/v1/outcomes/alerts").param("withdrawn", "perhaps"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("withdrawn must be yes or no"));
	}
}

package org.cocommission.cocommissioning.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.ApplicationWorkflow;
import org.cocommission.cocommissioning.Applications;
import org.cocommission.cocommissioning.CommissioningLevels;
import org.cocommission.cocommissioning.Reviews;
import org.cocommission.cocommissioning.Rounds;
import org.cocommission.cocommissioning.applications.Attachments;
import org.cocommission.cocommissioning.levels.DelegationNotices;
import org.cocommission.cocommissioning.national.NationalView;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The co-commissioning API's request bodies: a field too long, or a rule's refusal, is a 400 naming the field. */
@WebMvcTest(CoCommissioningApiController.class)
@WithMockUser
class CoCommissioningApiControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Rounds rounds;

	@MockitoBean
	Applications applications;

	@MockitoBean
	Attachments attachments;

	@MockitoBean
	ApplicationWorkflow workflow;

	@MockitoBean
	Reviews reviews;

	@MockitoBean
	NationalView national;

	@MockitoBean
	CommissioningLevels levels;

	@MockitoBean
	AccessPolicy policy;

	@MockitoBean
	DelegationNotices delegationNotices;

	@Test
	void refusesACommitteeMemberNameLongerThanTheColumn() throws Exception {
		mvc.perform(post("/api/v1/co-commissioning/applications/3/committee").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"" + "x".repeat(201) + "\",\"role\":\"LAY_MEMBER\",\"voting\":true,\"chair\":false,"
					+ "\"version\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[0].message").value("The member's name must be 200 characters or fewer"));
		verify(applications, never()).addCommitteeMember(anyLong(), any(), anyInt());
	}

	@Test
	void namesTheFieldARuleRefused() throws Exception {
		given(reviews.decide(anyLong(), any(), any(), any(), anyInt()))
			.willThrow(new InvalidInputException("conditions", "Set out at least one condition of the approval"));
		mvc.perform(post("/api/v1/co-commissioning/applications/3/decision").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVED_WITH_CONDITIONS\",\"reasons\":\"Approved\",\"version\":4}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("conditions"))
			.andExpect(jsonPath("$.detail").value("Set out at least one condition of the approval"));
	}

	@Test
	void refusesAnAttachmentThatIsNotBase64OnItsField() throws Exception {
		mvc.perform(post("/api/v1/co-commissioning/applications/3/attachments").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"fileName\":\"plan.pdf\",\"base64\":\"not base64!\",\"version\":1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("base64"))
			.andExpect(jsonPath("$.errors[0].message").value("The attachment is not valid base64"));
	}
}

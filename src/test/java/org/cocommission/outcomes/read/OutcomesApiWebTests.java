package org.cocommission.outcomes.read;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.ImportFormat;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.outcomes.imports.Observations;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The outcomes API's request parameters as Spring binds them: a value that is not its type is a 400 naming it. */
@WebMvcTest(OutcomesApiController.class)
@WithMockUser
class OutcomesApiWebTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Indicators indicators;

	@MockitoBean
	ObservationImports imports;

	@MockitoBean
	OutcomesValues values;

	@MockitoBean
	PeerGroups peers;

	@MockitoBean
	OutcomesPages pages;

	@MockitoBean
	Observations observations;

	@MockitoBean
	AccessPolicy access;

	/**
	 * Issue 15: the import's period is bound as a {@code Period}. Before, the text went to the service, which parsed it
	 * by hand: the mocked import was called with it, and a refusal named no field.
	 */
	@Test
	void anImportPeriodThatIsNoPeriodIsABadRequestNamingItInTheWordsOfTheMessages() throws Exception {
		mvc.perform(post("/api/v1/outcomes/imports/qof-prevalence").with(csrf()).param("period", "2019/21")
			.contentType("text/csv").content("PRACTICE_CODE\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("period"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter the period as a financial year like 2019/20,"
					+ " a month like 2019-04 or a quarter like 2019-Q2"));
		verify(imports, never()).importFile(any(), any(), any(), any());
	}

	/** The contract: {@code ?period=2019/20} reaches the import as the year's code, no period as none. */
	@Test
	void anImportPeriodReachesTheImportAsItsCode() throws Exception {
		mvc.perform(post("/api/v1/outcomes/imports/qof-prevalence").with(csrf()).param("period", "2019/20")
			.contentType("text/csv").content("PRACTICE_CODE\n"))
			.andExpect(status().isOk());
		verify(imports).importFile(eq(ImportFormat.QOF_PREVALENCE), eq("2019/20"), eq("qof-prevalence.csv"), any());
		mvc.perform(post("/api/v1/outcomes/imports/long").with(csrf()).contentType("text/csv").content("ORG_CODE\n"))
			.andExpect(status().isOk());
		verify(imports).importFile(eq(ImportFormat.LONG), isNull(), anyString(), any());
	}
}

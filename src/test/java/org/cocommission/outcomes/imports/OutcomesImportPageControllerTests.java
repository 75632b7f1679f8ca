package org.cocommission.outcomes.imports;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.read.OutcomesPages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The upload form as Spring binds it: each problem on its field, the values kept, nothing started. */
@WebMvcTest(OutcomesImportPageController.class)
@WithMockUser
class OutcomesImportPageControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ObservationImports imports;

	@MockitoBean
	OutcomesPages pages;

	@MockitoBean
	AccessPolicy access;

	@Test
	void aQofFileWithoutItsYearOrAFileIsRefusedFieldByField() throws Exception {
		when(pages.isNational()).thenReturn(true);
		mvc.perform(multipart("/outcomes/imports").with(csrf())
			.param("format", "qof-prevalence")
			.param("period", "2019-05"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#period\">Enter the QOF year of the file, such as 2019/20</a>")))
			.andExpect(content().string(containsString("href=\"#file\">Choose a CSV file to upload</a>")))
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(containsString("value=\"2019-05\"")));
		verify(imports, never()).start(any(), anyString(), anyString(), any());
	}

	@Test
	void aFormatItDoesNotKnowIsRefusedOnTheFormatField() throws Exception {
		when(pages.isNational()).thenReturn(true);
		mvc.perform(multipart("/outcomes/imports").with(csrf()).param("format", "spreadsheet"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#format\">Choose what kind of file this is</a>")));
		verify(imports, never()).status(anyLong());
	}
}

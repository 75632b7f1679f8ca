package org.cocommission.outcomes.imports;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.ObservationImports;
import org.cocommission.outcomes.read.OutcomesPages;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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

	/**
	 * Issue 15: the period is bound as a {@link Period} by Spring, so text that is no period is refused on its field in
	 * the words of messages.properties, with the text kept. Before, the form checked the text by hand and said only
	 * that a QOF year was wanted.
	 */
	@Test
	void aPeriodThatIsNoPeriodIsRefusedOnItsFieldInTheWordsOfTheMessages() throws Exception {
		when(pages.isNational()).thenReturn(true);
		mvc.perform(multipart("/outcomes/imports").file(new MockMultipartFile("file", "qof.csv", "text/csv",
				"PRACTICE_CODE\n".getBytes(StandardCharsets.UTF_8))).with(csrf())
			.param("format", "qof-prevalence")
			.param("period", "2019-13"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#period\">Enter the period as a financial year like"
					+ " 2019/20, a month like 2019-04 or a quarter like 2019-Q2</a>")))
			.andExpect(content().string(containsString("id=\"period-error\"")))
			.andExpect(content().string(containsString("value=\"2019-13\"")))
			.andExpect(content().string(containsString("<option value=\"qof-prevalence\" selected=\"selected\"")));
		verify(imports, never()).start(any(), any(), any(), any());
	}

	@Test
	void aQofYearIsStartedWithItsCode() throws Exception {
		when(pages.isNational()).thenReturn(true);
		mvc.perform(multipart("/outcomes/imports").file(new MockMultipartFile("file", "qof.csv", "text/csv",
				"PRACTICE_CODE\n".getBytes(StandardCharsets.UTF_8))).with(csrf())
			.param("format", "qof-prevalence")
			.param("period", " 2019/20 "))
			.andExpect(status().is3xxRedirection());
		verify(imports).start(eq(org.cocommission.outcomes.ImportFormat.QOF_PREVALENCE), eq("2019/20"), eq("qof.csv"),
				any());
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

package org.cocommission.qualitypremium;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.Indicators;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.qualitypremium.data.DataPageController;
import org.cocommission.qualitypremium.schemes.LocalMeasurePageController;
import org.cocommission.qualitypremium.schemes.Measure;
import org.cocommission.qualitypremium.schemes.MeasureRule;
import org.cocommission.qualitypremium.schemes.QualityPremiumSchemes;
import org.cocommission.qualitypremium.schemes.Scheme;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The quality premium pages and API read what people send through bound form records, each problem on its field. */
@WebMvcTest({ LocalMeasurePageController.class, QualityPremiumPageController.class, QualityPremiumApiController.class,
		DataPageController.class })
@WithMockUser
class QualityPremiumPagesWebTests {

	private static final FinancialYear YEAR = new FinancialYear(2014);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	LocalMeasures localMeasures;

	@MockitoBean
	QualityPremiumSchemes schemes;

	@MockitoBean
	QualityPremium service;

	@MockitoBean
	Indicators indicators;

	@MockitoBean
	AccessPolicy access;

	@Test
	void aProposalWithATooLongTitleIsShownAgainWithTheProblemOnTheTitle() throws Exception {
		givenAScheme();
		mvc.perform(post("/quality-premium/local-measures").with(csrf()).param("year", "2014/15")
			.param("ccgCode", "QDA").param("slotCode", "LOCAL1").param("title", "x".repeat(301))
			.param("description", "Diagnosis rate"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#title\">Keep the title to 300 characters</a>")))
			.andExpect(content().string(containsString("Diagnosis rate")));
		verify(localMeasures, never()).propose(any(), anyString(), anyString(), anyString(), anyString());
	}

	@Test
	void aRuleRefusingTheProposalPutsItsMessageOnTheFieldItNames() throws Exception {
		givenAScheme();
		given(localMeasures.propose(any(), any(), any(), any(), any()))
			.willThrow(new InvalidInputException("title", "Give the local measure a title"));
		mvc.perform(post("/quality-premium/local-measures").with(csrf()).param("year", "2014/15")
			.param("ccgCode", "QDA").param("slotCode", "LOCAL1").param("title", " ").param("description", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#title\">Give the local measure a title</a>")))
			.andExpect(content().string(containsString("id=\"title-error\"")));
	}

	@Test
	void computingWithoutAYearAsksForOne() throws Exception {
		givenAScheme();
		given(service.runs()).willReturn(List.of());
		given(service.isNational()).willReturn(true);
		mvc.perform(post("/quality-premium/runs").with(csrf()).param("year", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<a href=\"#compute-year\">Choose the scheme year to compute</a>")));
		verify(service, never()).compute(any());
	}

	@Test
	void theApiNamesTheFieldARuleRefused() throws Exception {
		given(schemes.copyScheme(any(), any())).willThrow(new InvalidInputException("to",
				"There is already a scheme for 2015/16: edit it, or copy to another year"));
		mvc.perform(post("/api/v1/quality-premium/schemes/2014-15/copy").with(csrf())
			.contentType("application/json").content("{\"to\":\"2015/16\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		mvc.perform(post("/api/v1/quality-premium/schemes/2014-15/copy").with(csrf())
			.contentType("application/json").content("{\"to\":\"next year\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter a financial year such as 2015/16"));
		mvc.perform(put("/api/v1/quality-premium/schemes/2014-15").with(csrf())
			.contentType("application/json").content("{\"version\":0}"))
			.andExpect(status().isOk());
	}

	@Test
	void aYearThatIsNotOneInARunBodyIsRefusedOnItsFieldAndComputesNothing() throws Exception {
		mvc.perform(post("/api/v1/quality-premium/runs").with(csrf()).contentType("application/json")
			.content("{\"year\":\"2014\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter a financial year such as 2015/16"));
		mvc.perform(post("/api/v1/quality-premium/runs").with(csrf()).contentType("application/json").content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("year"))
			.andExpect(jsonPath("$.errors[0].message").value("Choose the scheme year to compute"));
		verify(service, never()).compute(any());
	}

	@Test
	void aYearInABodyBindsAsWritten() throws Exception {
		mvc.perform(post("/api/v1/quality-premium/runs").with(csrf()).contentType("application/json")
			.content("{\"year\":\"2014-15\"}"))
			.andExpect(status().isCreated());
		verify(service).compute(YEAR);
		mvc.perform(post("/api/v1/quality-premium/schemes/2014-15/copy").with(csrf())
			.contentType("application/json").content("{\"to\":\"2015/16\"}"))
			.andExpect(status().isCreated());
		verify(schemes).copyScheme(YEAR, YEAR.next());
	}

	@Test
	void anEmptyFileChosenIsSaidToBeEmptyNotThatNoneWasChosen() throws Exception {
		givenAScheme();
		given(service.isNational()).willReturn(true);
		mvc.perform(multipart("/quality-premium/data").file(new MockMultipartFile("file", "march.csv", "text/csv", new byte[0]))
			.param("year", "2014/15").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The selected file march.csv is empty")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Choose a CSV file"))));
		mvc.perform(multipart("/quality-premium/data").param("year", "2014/15").with(csrf()))
			.andExpect(content().string(containsString("Choose a CSV file to upload")));
		verify(service, never()).importData(any(), any(), any());
	}

	@Test
	void aFileThatIsNotCsvIsReportedAsAWholeNotAsRow0OutOf0() throws Exception {
		givenAScheme();
		given(service.importData(any(), any(), any())).willReturn(new DataImportReport("photo.csv", 0, 0, 0,
				List.of(new org.cocommission.directory.RowMessage(0, "The file is not valid CSV: unexpected character"))));
		mvc.perform(multipart("/quality-premium/data").file(new MockMultipartFile("file", "photo.csv", "text/csv",
				"\"PNG\"x,\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))).param("year", "2014/15").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no rows of data could be read from the file")))
			.andExpect(content().string(containsString("Whole file")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("out of 0"))));
	}

	@Test
	void aFileThatIsNotTextIsRefusedOnItsFieldNamingTheByteBeforeAnyImport() throws Exception {
		givenAScheme();
		mvc.perform(multipart("/quality-premium/data").file(new MockMultipartFile("file", "photo.csv", "text/csv",
				new byte[] { (byte) 0x89, 'P', 'N', 'G' })).param("year", "2014/15").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(containsString("the byte 0x89 at byte offset 0")));
		org.mockito.Mockito.verify(service, org.mockito.Mockito.never()).importData(any(), any(), any());
	}

	@Test
	void theComputeFormPreselectsTheYearJustUploadedAndWarnsWhenNoLocalMeasureIsAgreed() throws Exception {
		Scheme published = org.mockito.Mockito.mock(Scheme.class);
		given(published.year()).willReturn(new FinancialYear(2013));
		Scheme uploaded = org.mockito.Mockito.mock(Scheme.class);
		given(uploaded.year()).willReturn(YEAR);
		Measure local = new Measure("LOCAL1", "Local", Measure.Kind.LOCAL, new java.math.BigDecimal("15"),
				MeasureRule.CONDITION, null, null, List.of());
		given(uploaded.localMeasures()).willReturn(List.of(local));
		given(uploaded.localShare()).willReturn(new java.math.BigDecimal("15"));
		given(schemes.schemes()).willReturn(List.of(published, uploaded));
		given(service.isNational()).willReturn(true);
		given(service.runs()).willReturn(List.of());
		given(service.lastUploadedYear()).willReturn(Optional.of(YEAR));
		given(service.ccgsWithLocalMeasuresAgreed(YEAR)).willReturn(0L);

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/quality-premium"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<option value=\"2014/15\" selected=\"selected\">")))
			.andExpect(content().string(containsString("No CCG has its local measures agreed for 2014/15 yet: computed now,"
					+ " every CCG loses the local measures&#39; 15% of its maximum.")));
	}

	private void givenAScheme() {
		Scheme scheme = org.mockito.Mockito.mock(Scheme.class);
		given(scheme.year()).willReturn(YEAR);
		given(scheme.maxPerHead()).willReturn(java.math.BigDecimal.valueOf(5));
		given(schemes.schemes()).willReturn(List.of(scheme));
		given(localMeasures.ownCcg()).willReturn(Optional.of("QDA"));
		given(localMeasures.localMeasures(YEAR)).willReturn(List.of());
		given(schemes.scheme(YEAR)).willReturn(scheme);
	}
}

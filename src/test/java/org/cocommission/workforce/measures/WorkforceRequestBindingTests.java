package org.cocommission.workforce.measures;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.workforce.WorkforceImports;
import org.cocommission.workforce.WorkforceLevel;
import org.cocommission.workforce.WorkforceMeasure;
import org.cocommission.workforce.WorkforceMeasures;
import org.cocommission.workforce.planning.WorkforceTargets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * How the workforce API and CSV read {@code measure}, {@code level} and {@code date}: typed by converters and
 * {@code @DateTimeFormat}, a value that does not read is a 400 naming the parameter. (A refused query on a page is
 * the error page, which needs the whole security configuration: WorkforceApiTests.)
 */
@WebMvcTest(controllers = { WorkforceApiController.class, WorkforcePageController.class })
@WithMockUser
class WorkforceRequestBindingTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	WorkforceImports imports;

	@MockitoBean
	WorkforceMeasures measures;

	@MockitoBean
	WorkforceTargets targets;

	@MockitoBean
	AccessPolicy access;

	@Test
	void anUnknownMeasureIsRefusedOnItsField() throws Exception {
		mvc.perform(get("/api/v1/workforce/measures").param("measure", "DOCTORS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("measure"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("Choose one of the workforce measures")));
	}

	@Test
	void anUnknownLevelIsRefusedOnItsField() throws Exception {
		mvc.perform(get("/api/v1/workforce/trend").param("measure", "GP_FTE_PER_10K").param("level", "county"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("level"))
			.andExpect(jsonPath("$.errors[0].message").value("Choose a level: practice, ccg, icb or england"));
	}

	@Test
	void aDateThatIsNotAMonthIsRefusedOnItsField() throws Exception {
		mvc.perform(get("/api/v1/workforce/measures").param("measure", "GP_FTE_PER_10K").param("date", "2015-13"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("YYYY-MM")));
		verify(measures, never()).measure(any(), any(), any());
	}

	@Test
	void aMissingMeasureIsRefusedOnItsField() throws Exception {
		mvc.perform(get("/api/v1/workforce/measures"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("measure"));
	}

	@Test
	void readsMeasuresLevelsAndMonthsAsLinksWriteThem() throws Exception {
		mvc.perform(get("/api/v1/workforce/measures").param("measure", "gp_fte_per_10k")
			.param("level", "sub-icb")
			.param("date", "2015-09")).andExpect(status().isOk());
		verify(measures).measure(WorkforceMeasure.GP_FTE_PER_10K, WorkforceLevel.CCG, YearMonth.of(2015, 9));
		when(measures.months()).thenReturn(List.of(YearMonth.of(2015, 9), YearMonth.of(2016, 3)));
		mvc.perform(get("/api/v1/workforce/measures").param("measure", "NURSE_FTE_PER_10K"))
			.andExpect(status().isOk());
		verify(measures).measure(WorkforceMeasure.NURSE_FTE_PER_10K, WorkforceLevel.PRACTICE, YearMonth.of(2016, 3));
	}
}

package org.cocommission.directory;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import org.cocommission.directory.Directory.ListSort;
import org.cocommission.directory.cache.DirectoryGeneration;
import org.cocommission.directory.coverage.CoverageApiController;
import org.cocommission.directory.coverage.HomePageFigures;
import org.cocommission.directory.imports.ImportPageController;
import org.cocommission.directory.imports.PublishedFolderLoader;
import org.cocommission.directory.organisations.DirectoryApiController;
import org.cocommission.directory.organisations.DirectoryPageQueries;
import org.cocommission.directory.organisations.OrganisationApiController;
import org.cocommission.directory.organisations.OrganisationLists;
import org.cocommission.directory.organisations.OrganisationPageFigures;
import org.cocommission.directory.organisations.SearchResults;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.platform.PageOf;

/**
 * How the directory's API reads its query parameters and the upload page its form, without a database. (A refused
 * query on a page is the error page, which needs the whole security configuration: DirectoryPagesTest.)
 */
@WebMvcTest(controllers = { CoverageApiController.class,
		OrganisationApiController.class, DirectoryApiController.class, ImportPageController.class })
@Import({ DirectoryGeneration.class, HomePageFigures.class, OrganisationPageFigures.class, OrganisationLists.class, SearchResults.class })
@WithMockUser
class DirectoryRequestBindingTests {

	private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PublishedFolderLoader folderLoader;

	@MockitoBean
	Directory directory;

	@MockitoBean
	DirectoryPageQueries queries;

	@MockitoBean
	DirectoryImports imports;

	@MockitoBean
	AccessPolicy access;

	@MockitoBean
	PlatformTransactionManager transactions;

	@BeforeEach
	void today() {
		when(directory.today()).thenReturn(TODAY);
		when(directory.list(any(), any(), any(), any(), anyBoolean(), anyInt(), anyInt()))
			.thenReturn(new PageOf<>(List.of(), 0, 50, 0));
	}

	@Test
	void apiRefusesADateThatIsNotIsoNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/coverage?date=01/04/2015"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("date"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("YYYY-MM-DD")));
	}

	@Test
	void apiTakesNoDateAsToday() throws Exception {
		mvc.perform(get("/api/v1/coverage")).andExpect(status().isOk());
		verify(directory).coverage(TODAY);
	}

	@Test
	void apiRefusesAPageSizeOutOfRangeAndAnUnknownType() throws Exception {
		mvc.perform(get("/api/v1/organisations?size=501"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"))
			.andExpect(jsonPath("$.detail").value("The page size must be between 1 and 500, not 501."));
		mvc.perform(get("/api/v1/organisations?type=HOSPITAL"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("type"))
			.andExpect(jsonPath("$.detail").value(containsString("is not an organisation type")));
		mvc.perform(get("/api/v1/organisations?page=two"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
	}

	@Test
	void apiReadsATypeAsPeopleWriteItAndFillsInTheDefaults() throws Exception {
		mvc.perform(get("/api/v1/organisations?type=gp-practice&sort=list-size&dir=DESC"))
			.andExpect(status().isOk());
		verify(directory).list(eq(OrganisationType.GP_PRACTICE), isNull(), isNull(), eq(ListSort.LIST_SIZE), eq(true),
				eq(0), eq(50));
	}

	@Test
	void searchRefusesALimitOverAHundred() throws Exception {
		mvc.perform(get("/api/v1/search?q=x&limit=101"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The limit must be between 1 and 100, not 101."));
	}

	@Test
	void uploadWithoutAKindOrAFileShowsTheFormWithTheProblemOnTheField() throws Exception {
		mvc.perform(multipart("/directory/imports").param("kind", "").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose what kind of file this is")))
			.andExpect(content().string(containsString("href=\"#kind\"")));
		mvc.perform(multipart("/directory/imports")
			.file(new MockMultipartFile("file", "epraccur.csv", "text/csv", new byte[0]))
			.param("kind", "epraccur")
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a CSV file to upload")))
			.andExpect(content().string(containsString("id=\"file-error\"")))
			.andExpect(content().string(containsString("value=\"epraccur\" selected")));
		verify(imports, org.mockito.Mockito.never()).importOds(any(), any(), any());
	}
}

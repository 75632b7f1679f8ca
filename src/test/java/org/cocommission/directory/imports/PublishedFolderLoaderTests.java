package org.cocommission.directory.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryTestData;
import org.cocommission.directory.FolderLoadReport.FileLoaded;
import org.cocommission.directory.FolderLoadReport.Outcome;
import org.cocommission.directory.FolderLoadReport;
import org.cocommission.directory.Succession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code load DIR} and the folder upload, on a folder of the published files' excerpts under other names. */
@SpringBootTest
@AutoConfigureMockMvc
class PublishedFolderLoaderTests {

	private final LoadCommand command;

	private final PublishedFolderLoader loader;

	private final Directory directory;

	private final JdbcClient jdbc;

	private final MockMvc mvc;

	@Autowired
	PublishedFolderLoaderTests(LoadCommand command, PublishedFolderLoader loader, Directory directory, JdbcClient jdbc,
			MockMvc mvc) {
		this.command = command;
		this.loader = loader;
		this.directory = directory;
		this.jdbc = jdbc;
		this.mvc = mvc;
	}

	@BeforeEach
	void emptyDirectory() {
		DirectoryTestData.emptyDirectory(jdbc);
	}

	@Test
	void loadsAFolderOfPublishedFilesInTheRightOrderWhateverTheirNames(@TempDir Path folder) throws IOException {
		samplesInto(folder);

		// As the load command runs it.
		FolderLoadReport report = org.cocommission.identity.ActingAs.system(
				() -> loader.load(PublishedFolderLoader.folder(folder), line -> {
				}));

		assertThat(report.files()).extracting(FileLoaded::fileName, FileLoaded::kind, FileLoaded::outcome)
			.containsExactly(tuple("eccg.csv", "eccg", Outcome.LOADED), tuple("lookup.csv", "ccg-icb", Outcome.LOADED),
					tuple("GP practices.csv", "epraccur", Outcome.LOADED), tuple("epcmem.csv", "epcmem", Outcome.LOADED),
					tuple("successors.csv", "succ", Outcome.LOADED),
					tuple("patients-2021.csv", "registered-patients", Outcome.LOADED),
					tuple("fingertips.csv", "fingertips", Outcome.LOADED),
					tuple("qof-1920.csv", "qof-prevalence", Outcome.LOADED),
					tuple("readme.txt", null, Outcome.UNRECOGNISED));
		assertThat(report.complete()).isTrue();
		assertThat(report.files()).filteredOn(file -> "qof-prevalence".equals(file.kind()))
			.extracting(FileLoaded::summary)
			.containsExactly("42 rows read, 42 stored for 2019/20, 0 warning(s)");
		assertThat(directory.get("QHM").name()).isEqualTo("NHS North East and North Cumbria Integrated Care Board");
		assertThat(directory.get("00K").placeholder()).isFalse();
		assertThat(directory.get("A81001").currentListSize()).isEqualTo(4111);
		assertThat(directory.successors("00K")).extracting(Succession::code).containsExactly("16C");
	}

	@Test
	void theCommandExitsWithOneWhenAFileIsRefused(@TempDir Path folder) throws Exception {
		Files.writeString(folder.resolve("epcmem.csv"), "\"A81001\",\"00K\",\"W\",\"2013-04-01\",\"\",\"0\"\n");

		command.run(new DefaultApplicationArguments("load", folder.toString()));

		assertThat(command.getExitCode()).isEqualTo(1);
		command.run(new DefaultApplicationArguments("load", folder.resolve("nowhere").toString()));
		assertThat(command.getExitCode()).isEqualTo(2);
	}

	@Test
	void theImportsPageLoadsEveryFileOfAFolderAtOnce() throws Exception {
		mvc.perform(multipart("/directory/imports/folder")
			.file(new MockMultipartFile("files", "succ.csv", "text/csv", bytes("succ-excerpt.csv")))
			.file(new MockMultipartFile("files", "eccg.csv", "text/csv", bytes("eccg-excerpt.csv")))
			.with(user("national").roles("NATIONAL"))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 file(s) loaded, 0 refused")))
			.andExpect(content().string(containsString("CCGs and sub-ICB locations")));

		mvc.perform(get("/api/v1/organisations/00F"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.successors[0].code").value("13T"))
			.andExpect(jsonPath("$.successors[0].name").doesNotExist())
			.andExpect(jsonPath("$.successors[0].effectiveDate").value("2015-04-01"))
			.andExpect(jsonPath("$.predecessors").isEmpty());
		mvc.perform(get("/api/v1/organisations/00L"))
			.andExpect(jsonPath("$.typeLabel").value("Sub-ICB location"))
			.andExpect(jsonPath("$.typeHistory[1].type").value("SUB_ICB_LOCATION"))
			.andExpect(jsonPath("$.typeHistory[1].validFrom").value("2022-07-01"));
		mvc.perform(get("/organisations/00F"))
			.andExpect(content().string(containsString("id=\"structure-timeline\"")))
			.andExpect(content().string(containsString("Succeeded by")))
			.andExpect(content().string(containsString("1 Apr 2015")));
		mvc.perform(get("/organisations/00L"))
			.andExpect(content().string(containsString("Became a sub-ICB location")))
			.andExpect(content().string(containsString("Sub-ICB location")));
	}

	@Test
	void anEmptyFolderUploadSaysWhatToDo() throws Exception {
		mvc.perform(multipart("/directory/imports/folder").with(user("national").roles("NATIONAL")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose the files of the folder to load")));
	}

	private static void samplesInto(Path folder) throws IOException {
		copy("eccg-excerpt.csv", folder.resolve("eccg.csv"));
		copy("ccg-icb-excerpt.csv", folder.resolve("lookup.csv"));
		copy("epraccur-excerpt.csv", folder.resolve("GP practices.csv"));
		copy("epcmem-excerpt.csv", folder.resolve("epcmem.csv"));
		copy("succ-excerpt.csv", folder.resolve("successors.csv"));
		copy("fingertips-export-excerpt.csv", folder.resolve("fingertips.csv"));
		copy("qof-prevalence-excerpt.csv", folder.resolve("qof-1920.csv"));
		// The published registered-patients excerpt is of Northumberland's practices; these are the epraccur excerpt's.
		Files.writeString(folder.resolve("patients-2021.csv"), DirectoryTestData.PATIENTS_HEADER
				+ DirectoryTestData.patients("01JAN2021", "00K", "A81001", "ALL", "ALL", 4111));
		Files.writeString(folder.resolve("readme.txt"), "Downloaded from ODS on 1 December 2026\n");
	}

	private static void copy(String sample, Path target) throws IOException {
		try (InputStream content = DirectoryTestData.sampleBytes(sample)) {
			Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static byte[] bytes(String sample) throws IOException {
		try (InputStream content = DirectoryTestData.sampleBytes(sample)) {
			return content.readAllBytes();
		}
	}
}

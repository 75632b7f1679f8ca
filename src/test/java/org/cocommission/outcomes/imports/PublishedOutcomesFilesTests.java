package org.cocommission.outcomes.imports;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.PublishedFileImporter;
import org.cocommission.identity.ActingAs;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.OutcomesTestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.outcomes.OutcomesTestData.sample;
import static org.cocommission.outcomes.OutcomesTestData.stream;

/**
 * Outcomes files in {@code load DIR} (issue 16, item 7): recognised by header, the QOF year read from the name, loaded
 * as the system, refused whole with the rows to fix.
 */
@SpringBootTest(properties = "cocommission.test.context=outcomes")
@AutoConfigureMockMvc
class PublishedOutcomesFilesTests {

	private final PublishedOutcomesFiles files;

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	@Autowired
	PublishedOutcomesFilesTests(PublishedOutcomesFiles files, JdbcClient jdbc, DirectoryImports directoryImports,
			UserAccounts accounts) {
		this.files = files;
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
	}

	@BeforeEach
	void directory() {
		OutcomesTestData.directory(jdbc, directoryImports, accounts);
	}

	@Test
	void recognisesEachOutcomesFileByItsHeader() {
		assertThat(files.recognise("x.csv", "PRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PATIENT_LIST_SIZE"))
			.contains("qof-prevalence");
		assertThat(files.recognise("x.csv", "\"PRAC_CODE\",\"INDICATOR_GROUP\",\"REGISTER_SIZE\",\"LIST_SIZE\""))
			.contains("qof-prevalence");
		assertThat(files.recognise("x.csv", sample("fingertips-export-excerpt.csv").lines().findFirst().orElseThrow()))
			.contains("fingertips");
		assertThat(files.recognise("x.csv", "ORG_CODE,INDICATOR_ID,PERIOD,AGE_BAND,SEX,NUMERATOR,POPULATION"))
			.contains("age-bands");
		assertThat(files.recognise("x.csv", "org_code,indicator_id,period,numerator,denominator,,")).contains("long");
		assertThat(files.recognise("epcmem.csv", "\"A81001\",\"00K\",\"W\",\"20130401\",\"\",\"0\"")).isEmpty();
		assertThat(files.recognise("x.csv", "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE")).isEmpty();
		assertThat(files.label("qof-prevalence")).isEqualTo("QOF prevalence (NHS Digital, as published)");
		assertThat(files.order("fingertips")).isLessThan(files.order("qof-prevalence"));
		assertThat(files.order("qof-prevalence")).isGreaterThan(80);
	}

	@Test
	void theQofYearIsReadFromTheFileNameAsNhsDigitalNamesIt() {
		assertThat(PublishedOutcomesFiles.qofYear("PREVALENCE_1920.csv")).contains("2019/20");
		assertThat(PublishedOutcomesFiles.qofYear("qof-2019-20.csv")).contains("2019/20");
		assertThat(PublishedOutcomesFiles.qofYear("QOF_1516_prevalence v2.csv")).contains("2015/16");
		assertThat(PublishedOutcomesFiles.qofYear("prevalence 201920.csv")).contains("2019/20");
		assertThat(PublishedOutcomesFiles.qofYear("qof-prevalence-2019.csv")).isEmpty();
		assertThat(PublishedOutcomesFiles.qofYear("prevalence.csv")).isEmpty();
	}

	@Test
	void aQofFileLoadsAsTheSystemForTheYearItsNameGives() {
		String summary = ActingAs.system(() -> files.load("qof-prevalence", "PREVALENCE_1920.csv",
				stream(sample("qof-prevalence-excerpt.csv"))));

		assertThat(summary).isEqualTo("42 rows read, 42 stored for 2019/20, 0 warning(s)");
		assertThat(jdbc.sql("select count(*) from outcomes_observation where period = '2019/20'")
			.query(Long.class)
			.single()).isEqualTo(42);
		assertThat(jdbc.sql("select imported_by from outcomes_import order by id desc limit 1").query(String.class).single())
			.isEqualTo(ActingAs.SYSTEM);
	}

	@Test
	void aFileThatCannotBeMeantOrHasNoYearIsRefusedWithWhatToFix() {
		assertThatThrownBy(() -> ActingAs.system(() -> files.load("qof-prevalence", "prevalence.csv",
				stream(sample("qof-prevalence-excerpt.csv")))))
			.isInstanceOf(PublishedFileImporter.Refused.class)
			.hasMessageContaining("PREVALENCE_1920.csv");
		assertThatThrownBy(() -> ActingAs.system(() -> files.load("qof-prevalence", "PREVALENCE_1920.csv",
				stream("PRACTICE_CODE,GROUP_CODE,REGISTER,PATIENT_LIST_TYPE,PATIENT_LIST_SIZE\nA81001,DM,-3,TOTAL,10\n"))))
			.isInstanceOf(PublishedFileImporter.Refused.class)
			.hasMessageStartingWith("1 row(s) to fix, nothing stored (row 2: ");
	}
}

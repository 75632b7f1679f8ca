package org.cocommission.directory;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "cocommission.test.context=qualitypremium")
@AutoConfigureMockMvc
class CcgListSizesTests {

	private final JdbcClient jdbc;

	private final CcgListSizes sizes;

	@Autowired
	CcgListSizesTests(JdbcClient jdbc, CcgListSizes sizes) {
		this.jdbc = jdbc;
		this.sizes = sizes;
	}

	private void organisation(String code, String type) {
		jdbc.sql("insert into directory_organisation (code, type, name) values (?, ?, ?)").params(code, type, "Org " + code)
			.update();
	}

	private void link(String child, String parent, LocalDate from, LocalDate to) {
		jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from, valid_to) values (?, ?, ?, ?)")
			.params(child, parent, from, to).update();
	}

	private void list(String practice, LocalDate extract, int patients) {
		jdbc.sql("insert into directory_registered_patients (practice_code, extract_date, sex, age_band, patients)"
				+ " values (?, ?, 'ALL', 'ALL', ?)").params(practice, extract, patients).update();
	}

	@Test
	void sumsEachCcgsPracticesAsTheyBelongedOnTheExtractDateAndPicksTheExtractAtOrBeforeADate() {
		LocalDate extract = LocalDate.of(2001, 4, 1);
		organisation("LSC1", "CCG");
		organisation("LSC2", "CCG");
		organisation("LSP1", "GP_PRACTICE");
		organisation("LSP2", "GP_PRACTICE");
		link("LSP1", "LSC1", null, null);
		link("LSP2", "LSC1", null, LocalDate.of(2001, 4, 1));
		link("LSP2", "LSC2", LocalDate.of(2001, 4, 2), null);
		list("LSP1", extract, 1000);
		list("LSP2", extract, 500);
		list("LSP1", LocalDate.of(2001, 7, 1), 1);

		var at = sizes.at(extract);

		assertThat(at.patients()).containsEntry("LSC1", 1500L).doesNotContainKey("LSC2");
		assertThat(at.names()).containsEntry("LSC1", "Org LSC1");
		assertThat(sizes.extractFor(LocalDate.of(2001, 6, 30))).contains(extract);
		assertThat(sizes.extractFor(LocalDate.of(1990, 1, 1))).isPresent();
		assertThat(sizes.ccgCodes()).contains("LSC1", "LSC2").doesNotContain("LSP1");
	}
}

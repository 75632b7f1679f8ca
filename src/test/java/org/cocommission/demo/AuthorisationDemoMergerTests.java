package org.cocommission.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.cocommission.authorisation.Authorisation;
import org.cocommission.directory.Directory;
import org.cocommission.identity.ActingAs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's open wave for its CCG created by a merger, found through the directory. Same configuration as
 * {@link DemoDataLoaderTests}, so the context (and its demo) is shared: {@code @AutoConfigureMockMvc} too, unused here,
 * without which this class started a context of its own and loaded the demo a second time.
 */
@SpringBootTest(properties = { "cocommission.demo=true", "cocommission.demo-scale=0.05",
		"cocommission.demo-password=demo-password-for-tests" })
@AutoConfigureMockMvc
class AuthorisationDemoMergerTests {

	@Autowired
	AuthorisationDemo demo;

	@Autowired
	Authorisation authorisation;

	@Autowired
	Directory directory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDemoOpensAWaveForItsMergedCcgWithItsApplication() {
		String merged = ActingAs.system(() -> demo.openMergerWave()).orElseThrow();

		assertThat(directory.predecessors(merged)).hasSizeGreaterThan(1);
		assertThat(authorisation.outcomeOf(merged)).isEmpty();
		record Row(int wave, String status) {
		}
		List<Row> applications = jdbc.sql("select wave, status from authorisation_application where ccg_code = ?")
			.param(merged)
			.query(Row.class)
			.list();
		assertThat(applications).singleElement().satisfies(row -> {
			assertThat(row.wave()).isGreaterThan(4);
			assertThat(row.status()).isEqualTo("DRAFT");
		});
		// Opened at start already: opening again keeps the one wave.
		assertThat(jdbc.sql("select count(*) from authorisation_wave").query(Integer.class).single()).isEqualTo(5);
	}
}

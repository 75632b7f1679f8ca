package org.cocommission.qualitypremium;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.cocommission.identity.ActingAs;
import org.cocommission.identity.Role;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The quality premium module with the modules it uses, on the embedded PostgreSQL: publishing a run publishes its
 * statements as an event, audited and with each CCG told, in the publication's transaction.
 */
// The platform module (the embedded PostgreSQL) is open: named, as no type of it is a bean others use.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(QualityPremiumFixture.class)
@RecordApplicationEvents
class QualityPremiumModuleTests {

	private static final FinancialYear YEAR = new FinancialYear(2013);

	@Autowired
	QualityPremium service;

	@Autowired
	QualityPremiumFixture fixture;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void publishingARunPublishesTheStatementsAuditedAndTellsEachCcg(ApplicationEvents events) {
		fixture.organisation("QMT", "AREA_TEAM", "Area team M");
		fixture.ccg("QMA", "NHS MODULE CCG", "QMT", "Module surgery", YEAR.firstDay(), 10_000);
		fixture.nationalAnalyst("qm-national");
		fixture.user("qm-ccg", "Module CCG", Role.CCG, "QMA");

		// Only FFT is loaded: the other measures, the standards and the gateways are not assessed.
		RunSummary computed = ActingAs.as(users, "qm-national", () -> {
			service.importData(YEAR, "module.csv", "CCG_CODE,RECORD,CODE,PERIOD,VALUE\nQMA,MEASURE,FFT,2013/14,1\n"
				.getBytes(StandardCharsets.UTF_8));
			return service.compute(YEAR);
		});
		assertThat(computed.complete()).isFalse();
		assertThat(computed.ccgsWithMissingInputs()).isEqualTo(1);
		assertThatThrownBy(() -> ActingAs.as(users, "qm-national", () -> service.publish(computed.id())))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.field()).isEqualTo("override"))
			.hasMessageContaining("not assessed");
		assertThat(events.stream(QualityPremiumStatementsPublished.class)).isEmpty();

		RunSummary published = ActingAs.as(users, "qm-national",
				() -> service.publish(computed.id(), "Standards and gateways follow in July"));

		assertThat(published.publishOverride()).isEqualTo("Standards and gateways follow in July");
		assertThat(events.stream(QualityPremiumStatementsPublished.class)).singleElement().satisfies(event -> {
			assertThat(event.after().id()).isEqualTo(published.id());
			assertThat(event.ccgCodes()).contains("QMA");
		});
		assertThat(jdbc.sql("select link from notification_notice where recipient = 'qm-ccg'").query(String.class).list())
			.containsExactly("/quality-premium/statements/2013-14/QMA");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'QP_RUN_PUBLISHED_WITH_MISSING_INPUTS'"
				+ " and entity_id = ? and after_state::text like '%follow in July%'")
			.param(String.valueOf(published.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRunOlderThanThePublishedOneCannotReplaceIt() {
		FinancialYear year = new FinancialYear(2014);
		fixture.organisation("QNT", "AREA_TEAM", "Area team N");
		fixture.ccg("QNA", "NHS NEWER CCG", "QNT", "Newer surgery", year.firstDay(), 10_000);
		fixture.nationalAnalyst("qn-national");

		ActingAs.as(users, "qn-national", () -> {
			service.importData(year, "newer.csv", "CCG_CODE,RECORD,CODE,PERIOD,VALUE\nQNA,MEASURE,FFT,2014/15,1\n"
				.getBytes(StandardCharsets.UTF_8));
			RunSummary older = service.compute(year);
			RunSummary newer = service.compute(year);
			service.publish(newer.id(), "test data");

			assertThatThrownBy(() -> service.publish(older.id(), "test data"))
				.hasMessageContaining("computed before run " + newer.id());
			assertThat(service.publishedRun(year)).hasValueSatisfying(run -> assertThat(run.id()).isEqualTo(newer.id()));
			return null;
		});
	}
}

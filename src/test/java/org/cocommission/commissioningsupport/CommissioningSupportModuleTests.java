package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.platform.InvalidInputException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The commissioning support module with the directory and identity, on the embedded PostgreSQL: a CCG records how it
 * gets each service, within its scope, and NHS England sees each provider's share of what is bought.
 */
// The platform module (the embedded PostgreSQL) is open: named, as no type of it is a bean others use.
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class CommissioningSupportModuleTests {

	private static final String PASSWORD = "support-module-password";

	@Autowired
	CommissioningSupport support;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	/** Area team CSQ with CCGs CSC1, CSC2 and CSC3, and the commissioning support unit 0CS. */
	@BeforeEach
	void directoryAndUsers() {
		organisation("CSQ", "AREA_TEAM", "Support area team");
		organisation("0CS", "CSU", "Example Commissioning Support Unit");
		for (String ccg : new String[] { "CSC1", "CSC2", "CSC3" }) {
			organisation(ccg, "CCG", "NHS " + ccg + " CCG");
			jdbc.sql("insert into directory_relationship (child_code, parent_code, valid_from) select ?, 'CSQ', ?"
					+ " where not exists (select 1 from directory_relationship where child_code = ?)")
				.params(ccg, LocalDate.of(2013, 4, 1), ccg)
				.update();
		}
		open("cs-national", Role.NATIONAL, "X24");
		open("cs-ccg1", Role.CCG, "CSC1");
		open("cs-ccg2", Role.CCG, "CSC2");
	}

	@Test
	void aCcgRecordsWhatItMakesBuysAndSharesAndReadsItInTheCataloguesOrder() {
		as("cs-ccg1", () -> support.record("CSC1", new ArrangementForm("MEDICINES_MANAGEMENT", ArrangementMode.SHARE,
				null, "csc2, CSC3", null, null)));
		as("cs-ccg1", () -> support.record("CSC1", new ArrangementForm("HR", ArrangementMode.MAKE, null, null, null,
				null)));
		as("cs-ccg1", () -> support.record("CSC1", new ArrangementForm("BUSINESS_INTELLIGENCE", ArrangementMode.BUY,
				"0CS", null, new BigDecimal("120000"), LocalDate.of(2017, 3, 31))));

		assertThat(as("cs-ccg1", () -> support.arrangements("CSC1")))
			.extracting(a -> a.service().code(), Arrangement::mode, a -> a.provider() == null ? null : a.provider().code(),
					Arrangement::sharedWith, a -> a.annualValue() == null ? null : a.annualValue().pence())
			.containsExactly(tuple("BUSINESS_INTELLIGENCE", ArrangementMode.BUY, "0CS", java.util.List.of(), 12_000_000L),
					tuple("HR", ArrangementMode.MAKE, null, java.util.List.of(), null),
					tuple("MEDICINES_MANAGEMENT", ArrangementMode.SHARE, null, java.util.List.of("CSC2", "CSC3"), null));
	}

	@Test
	void refusesABuyWithNoProviderAndAShareWithNoKnownCcg() {
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.record("CSC1",
				new ArrangementForm("IT", ArrangementMode.BUY, null, null, null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("providerCode"));
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.record("CSC1",
				new ArrangementForm("IT", ArrangementMode.SHARE, null, "ZZZ9", null, null))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsOnlyKeys("sharedWith"));
	}

	@Test
	void aCcgRecordsAndReadsOnlyItsOwnAndTheMarketIsNhsEnglands() {
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.record("CSC2",
				new ArrangementForm("HR", ArrangementMode.MAKE, null, null, null, null))))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.arrangements("CSC3")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("cs-ccg1", support::marketShares)).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("cs-ccg1", () -> support.addProvider("Someone")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void eachProvidersShareIsOfTheValueBoughtAndRecordingAgainReplaces() {
		SupportProvider acme = as("cs-national", () -> support.addProvider("Acme Analytics Ltd"));
		as("cs-ccg1", () -> support.record("CSC1", new ArrangementForm("PROCUREMENT", ArrangementMode.BUY, "0CS", null,
				new BigDecimal("90000"), null)));
		as("cs-ccg2", () -> support.record("CSC2", new ArrangementForm("PROCUREMENT", ArrangementMode.BUY,
				acme.code(), null, new BigDecimal("10000"), null)));
		as("cs-ccg2", () -> support.record("CSC2", new ArrangementForm("PROCUREMENT", ArrangementMode.BUY,
				acme.code(), null, new BigDecimal("30000"), null)));

		assertThat(as("cs-national", support::marketShares))
			.filteredOn(share -> "PROCUREMENT".equals(share.serviceCode()))
			.extracting(share -> share.provider().name(), MarketShare::ccgs, share -> share.sharePercent().toPlainString())
			.containsExactly(tuple("Example Commissioning Support Unit", 1, "75.0"), tuple("Acme Analytics Ltd", 1, "25.0"));
		assertThat(jdbc.sql("select count(*) from cs_arrangement where ccg_code = 'CSC2'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(as("cs-national", support::providers)).extracting(SupportProvider::code).contains("0CS", acme.code());
	}

	private void organisation(String code, String type, String name) {
		jdbc.sql("insert into directory_organisation (code, type, name, status) values (?, ?, ?, 'A')"
				+ " on conflict (code) do nothing")
			.params(code, type, name)
			.update();
	}

	private <T> T as(String username, Callable<T> work) {
		return ActingAs.as(users, username, work);
	}

	private void open(String username, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, "Support " + username, null, role, organisation, PASSWORD));
		}
	}
}

package org.cocommission.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cocommission.identity.ActingAs;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail end to end on the real database: append-only, recorded by the account listener, and scoped.
 * Organisations: region AUR under which area team AUA, with CCGs AUC1 and AUC2, and practice AUP1 in AUC1.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailTests {

	private static final String PASSWORD = "correct horse battery";

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final AuditTrail trail;

	private final UserDetailsService userDetails;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	AuditTrailTests(MockMvc mvc, JdbcClient jdbc, UserAccounts accounts, AuditTrail trail,
			UserDetailsService userDetails) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.trail = trail;
		this.userDetails = userDetails;
	}

	@BeforeEach
	void organisationsAndUsers() {
		organisation("AUR", "REGION", null);
		organisation("AUA", "AREA_TEAM", "AUR");
		organisation("AUC1", "CCG", "AUA");
		organisation("AUC2", "CCG", "AUA");
		organisation("AUP1", "GP_PRACTICE", "AUC1");
		account("audit-national", Role.NATIONAL, "X24");
		account("audit-area", Role.AREA_TEAM, "AUA");
		account("audit-ccg1", Role.CCG, "AUC1");
		account("audit-ccg2", Role.CCG, "AUC2");
	}

	@Test
	void recordsAnAuditedEventInThePublishersTransactionAsTheSystem() {
		record Decided(String id) implements Audited {
			@Override
			public AuditEntry auditEntry() {
				return new AuditEntry("THING_DECIDED", "AUDIT_TEST", id, "AUC1", null, Map.of("decided", true));
			}
		}
		ActingAs.system(() -> transactions.executeWithoutResult(status -> events.publishEvent(new Decided("event-1"))));
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			events.publishEvent(new Decided("event-2"));
			throw new IllegalStateException("the change fails");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(jdbc.sql("select actor from audit_event where entity_id = 'event-1'").query(String.class).list())
			.containsExactly("system");
		assertThat(jdbc.sql("select count(*) from audit_event where entity_id = 'event-2'").query(Long.class).single())
			.isZero();
	}

	@Test
	void databaseRefusesToUpdateOrDeleteAnEntry() {
		trail.record(new AuditEntry("THING_CHANGED", "AUDIT_TEST", "refused-1", "AUC1", null, Map.of("a", 1)));
		long id = jdbc.sql("select max(id) from audit_event where entity_id = 'refused-1'").query(Long.class).single();

		assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'mallory' where id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("select actor from audit_event where id = ?").param(id).query(String.class).single())
			.isEqualTo(AuditTrail.SYSTEM);
	}

	@Test
	void recordsTheCreationOfAnAccount() throws Exception {
		accounts.create(new NewUser("audit-newcomer", "New Comer", "new.comer@nhs.net", Role.PRACTICE, "AUP1",
				PASSWORD));

		mvc.perform(get("/api/v1/audit").param("organisation", "AUP1").param("entityType", "user_account")
			.with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].action").value("USER_CREATED"))
			.andExpect(jsonPath("$.items[0].occurredAt").isString())
			.andExpect(jsonPath("$.items[0].entityType").value("USER_ACCOUNT"))
			.andExpect(jsonPath("$.items[0].entityId").value("audit-newcomer"))
			.andExpect(jsonPath("$.items[0].organisationCode").value("AUP1"))
			.andExpect(jsonPath("$.items[0].before").doesNotExist())
			.andExpect(jsonPath("$.items[0].after.username").value("audit-newcomer"))
			.andExpect(jsonPath("$.items[0].after.role").value("PRACTICE"))
			.andExpect(jsonPath("$.items[0].after.passwordHash").doesNotExist());
	}

	@Test
	void ccgUserIsRefusedAnotherCcgsTrail() throws Exception {
		mvc.perform(get("/api/v1/audit").param("organisation", "AUC2").with(as("audit-ccg1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/audit.csv").param("organisation", "AUC2").with(as("audit-ccg1")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/audit").param("organisation", "AUC2").with(as("audit-ccg1")))
			.andExpect(status().isForbidden());
	}

	@Test
	void ccgUserSeesItsOwnTrailByDefaultAndItsPractices() throws Exception {
		trail.recordAll(List.of(new AuditEntry("THING_CHANGED", "AUDIT_SCOPE", "own", "AUC1", null, null),
				new AuditEntry("THING_CHANGED", "AUDIT_SCOPE", "other", "AUC2", null, null),
				new AuditEntry("THING_CHANGED", "AUDIT_SCOPE", "practice", "AUP1", null, null)));

		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_SCOPE").with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].entityId").value("own"));
		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_SCOPE").param("organisation", "AUP1")
			.with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].entityId").value("practice"));
		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_SCOPE").param("organisation", "AUC2")
			.with(as("audit-area")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].entityId").value("other"));
		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_SCOPE").with(as("audit-national")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3));
	}

	@Test
	void pagesNewestFirstWithTheTotal() throws Exception {
		for (int i = 1; i <= 3; i++) {
			trail.record(new AuditEntry("STEP_" + i, "AUDIT_PAGING", "paged", "AUC2", null, Map.of("step", i)));
		}

		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_PAGING").param("size", "2")
			.with(as("audit-national")))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(2))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].action").value("STEP_3"))
			.andExpect(jsonPath("$.items[0].after.step").value(3))
			.andExpect(jsonPath("$.items[1].action").value("STEP_2"));
		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_PAGING").param("size", "2").param("page", "1")
			.with(as("audit-national")))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].action").value("STEP_1"));
		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_PAGING").param("action", "step_2")
			.param("user", AuditTrail.SYSTEM).with(as("audit-national")))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/audit").param("size", "201").with(as("audit-national")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The page size must be between 1 and 200"));
	}

	@Test
	void filtersByWholeDays() throws Exception {
		trail.record(new AuditEntry("THING_CHANGED", "AUDIT_DATES", "dated", "AUC2", null, null));
		String today = LocalDate.now().toString();
		String tomorrow = LocalDate.now().plusDays(1).toString();

		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_DATES").param("from", today).param("to", today)
			.with(as("audit-national")))
			.andExpect(jsonPath("$.total").value(1));
		mvc.perform(get("/api/v1/audit").param("entityType", "AUDIT_DATES").param("from", tomorrow)
			.with(as("audit-national")))
			.andExpect(jsonPath("$.total").value(0));
		mvc.perform(get("/api/v1/audit").param("from", tomorrow).param("to", today).with(as("audit-national")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The 'from' date must be the same as or before the 'to' date"));
		mvc.perform(get("/api/v1/audit").param("from", "31/03/2025").with(as("audit-national")))
			.andExpect(status().isBadRequest());
	}

	@Test
	void exportsTheFilteredTrailAsCsv() throws Exception {
		trail.record(new AuditEntry("THING_CHANGED", "AUDIT_CSV", "exported", "AUC1", Map.of("name", "Old, name"),
				Map.of("name", "New name")));

		String csv = mvc.perform(get("/audit.csv").param("entityType", "AUDIT_CSV").with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andReturn().getResponse().getContentAsString();

		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0))
			.isEqualTo("id,occurred_at,actor,action,entity_type,entity_id,organisation_code,before,after");
		assertThat(lines.get(1)).contains(",system,THING_CHANGED,AUDIT_CSV,exported,AUC1,")
			.contains("\"{\"\"name\"\": \"\"Old, name\"\"}\"");
	}

	@Test
	void thePageCountsEntriesWithThousandsSeparators() throws Exception {
		trail.recordAll(java.util.stream.IntStream.range(0, 1_234)
			.mapToObj(i -> new AuditEntry("THING_CHANGED", "AUDIT_MANY", "many-" + i, "AUC1", null, null))
			.toList());

		String html = mvc.perform(get("/audit").param("entityType", "AUDIT_MANY").with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).containsPattern("Showing 1 to \\d+ of 1,234 entries");
	}

	@Test
	void pageShowsEntriesWithTheirChangesAndKeepsFiltersInLinks() throws Exception {
		trail.record(new AuditEntry("USER_DISABLED", "AUDIT_PAGE", "shown", "AUC1", Map.of("enabled", true),
				Map.of("enabled", false)));

		String html = mvc.perform(get("/audit").param("entityType", "AUDIT_PAGE").with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains("Showing 1 to 1 of 1 entry")
			.contains("User disabled")
			.doesNotContain(">USER_DISABLED<")
			.contains("Before and after")
			.contains("Changed")
			.contains("value=\"AUC1\"")
			.contains("/audit.csv?organisation=AUC1&amp;entityType=AUDIT_PAGE");

		mvc.perform(get("/audit").param("from", "not a date").with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Enter the &#39;from&#39; date")));
	}

	/** Issue 22: the trail showed COCOMMISSIONING_SUBMIT, qp_local_measure and UNDER_REVIEW; its filters took codes. */
	@Test
	void pageSpeaksInWordsAndItsFiltersOfferThem() throws Exception {
		trail.record(new AuditEntry("COCOMMISSIONING_SUBMIT", "COCOMMISSIONING_APPLICATION", "words", "AUC1",
				Map.of("status", "DRAFT"), Map.of("status", "UNDER_REVIEW", "changedBy", "qp_local_measure")));

		String html = mvc.perform(get("/audit").param("action", "COCOMMISSIONING_SUBMIT").with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();

		assertThat(html).contains(">Application submitted</td>", "Co-commissioning application", "Under review",
				"Quality premium local measure", "Changed by", "<option value=\"COCOMMISSIONING_SUBMIT\" selected=\"selected\">Application submitted</option>")
			.doesNotContain(">COCOMMISSIONING_SUBMIT<", ">UNDER_REVIEW<", ">qp_local_measure<");
	}

	@Test
	void refusedDatesLandOnTheirFieldOnThePageAndInTheApi() throws Exception {
		mvc.perform(get("/audit").param("from", "2025-02-01").param("to", "2025-01-01").with(as("audit-ccg1")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("href=\"#from\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"from-error\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2025-02-01\"")));
		mvc.perform(get("/api/v1/audit").param("to", "31/03/2025").with(as("audit-national")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].message").value("Enter the 'to' date as year-month-day, for example 2025-03-31"));
		mvc.perform(get("/api/v1/audit").param("from", "2025-02-01").param("to", "2025-01-01")
			.with(as("audit-national")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
	}

	private RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	private void organisation(String code, String type, String parent) {
		jdbc.sql("insert into directory_organisation (code, type, name) values (?, ?, ?) on conflict do nothing")
			.params(code, type, "Audit test " + code)
			.update();
		if (parent != null) {
			jdbc.sql("insert into directory_relationship (child_code, parent_code) select ?, ?"
					+ " where not exists (select 1 from directory_relationship where child_code = ? and parent_code = ?)")
				.params(code, parent, code, parent)
				.update();
		}
	}

	private void account(String username, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, "Audit " + username, null, role, organisation, PASSWORD));
		}
	}
}

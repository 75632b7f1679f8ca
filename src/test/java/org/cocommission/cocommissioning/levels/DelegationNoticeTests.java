package org.cocommission.cocommissioning.levels;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.CoCommissioningTestData;
import org.cocommission.cocommissioning.CommissioningLevel;
import org.cocommission.cocommissioning.CommissioningLevels;
import org.cocommission.cocommissioning.MutableClock;
import org.cocommission.cocommissioning.national.NationalView;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.directory.OrganisationFacts;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.cocommissioning.CoCommissioningTestData.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A delegated CCG ends delegation by notice (docs/domain-rules.md#co-commissioning): by its accountable officer, with a
 * reason, audited and notified; the level reverts on the next 1 April, in the directory facts and the national view.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
class DelegationNoticeTests {

	private final DelegationNotices notices;

	private final CommissioningLevels levels;

	private final NationalView national;

	private final LevelFacts facts;

	private final UserDetailsService users;

	private final MutableClock clock;

	private final JdbcClient jdbc;

	private final MockMvc mvc;

	@Autowired
	DelegationNoticeTests(DelegationNotices notices, CommissioningLevels levels, NationalView national, LevelFacts facts,
			UserDetailsService users, MutableClock clock, JdbcClient jdbc, MockMvc mvc, DirectoryImports imports,
			UserAccounts accounts, UserDuties duties) {
		this.notices = notices;
		this.levels = levels;
		this.national = national;
		this.facts = facts;
		this.users = users;
		this.clock = clock;
		this.jdbc = jdbc;
		this.mvc = mvc;
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	@AfterEach
	void forgetTheLevelsAndNotices() {
		jdbc.sql("delete from cocommissioning_delegation_notice where ccg_code = '51A'").update();
		jdbc.sql("delete from cocommissioning_level where ccg_code = '51A'").update();
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
	}

	@Test
	void noticeOnThirtySeptemberEndsDelegationOnTheNextFirstOfAprilRevertingToTheLevelChosen() {
		delegated51A();
		clock.set(Instant.parse("2015-09-30T20:00:00Z"));
		DelegationNotices.DelegationNotice notice = as(users, "cc-ao-51a",
				() -> notices.give("51A", CommissioningLevel.JOINT, "The committee cannot be quorate without a second GP"));
		assertThat(notice.effectiveOn()).as("21:00 on 30 September in England is still in time")
			.isEqualTo(LocalDate.of(2016, 4, 1));
		assertThat(levels.levelOn("51A", LocalDate.of(2016, 3, 31))).isEqualTo(CommissioningLevel.DELEGATED);
		assertThat(levels.levelOn("51A", LocalDate.of(2016, 4, 1))).isEqualTo(CommissioningLevel.JOINT);

		assertThat(jdbc.sql("select count(*) from audit_event where action = 'COCOMMISSIONING_DELEGATION_NOTICE'"
				+ " and organisation_code = '51A' and after_state ->> 'reason' like 'The committee%'").query(Integer.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("select recipient from notification_notice where title = '51A has given notice to end delegated commissioning'")
			.query(String.class).list()).as("the CCG's and its area team's users").contains("cc-ao-51a", "cc-area-q51");

		assertThat(facts.factsFor("51A", LocalDate.of(2015, 10, 1)).orElseThrow().facts())
			.anySatisfy(f -> {
				assertThat(f.label()).isEqualTo("Delegation ends by notice");
				assertThat(f.value()).contains("Joint commissioning from 1 April 2016").contains("quorate");
			})
			.anySatisfy(f -> {
				assertThat(f.value()).isEqualTo("Joint commissioning");
				assertThat(f.from()).isEqualTo(LocalDate.of(2016, 4, 1));
				assertThat(f.current()).isFalse();
			});
		NationalView.CcgRow row = as(users, "cc-national", () -> national.overview(null)).ccgs().stream()
			.filter(r -> r.ccgCode().equals("51A")).findFirst().orElseThrow();
		assertThat(row.level()).isEqualTo(CommissioningLevel.DELEGATED);
		assertThat(row.delegationEndsOn()).isEqualTo(LocalDate.of(2016, 4, 1));
		assertThat(row.revertsTo()).isEqualTo(CommissioningLevel.JOINT);

		clock.set(Instant.parse("2016-03-31T23:30:00Z"));
		NationalView.CcgRow after = as(users, "cc-national", () -> national.overview(null)).ccgs().stream()
			.filter(r -> r.ccgCode().equals("51A")).findFirst().orElseThrow();
		assertThat(after.level()).as("1 April in England").isEqualTo(CommissioningLevel.JOINT);
		assertThat(after.delegationEndsOn()).isNull();
	}

	@Test
	void noticeAfterThirtySeptemberWaitsAYearAndOnlyOneNoticeIsPending() {
		delegated51A();
		clock.set(Instant.parse("2015-09-30T23:00:00Z"));
		DelegationNotices.DelegationNotice notice = as(users, "cc-ao-51a",
				() -> notices.give("51A", CommissioningLevel.GREATER_INVOLVEMENT, "Merging with a neighbouring CCG"));
		assertThat(notice.effectiveOn()).as("midnight on 1 October in England is too late").isEqualTo(LocalDate.of(2017, 4, 1));
		assertThatThrownBy(() -> as(users, "cc-ao-51a", () -> notices.give("51A", CommissioningLevel.JOINT, "Again")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("Notice was already given on 1 October 2015; delegation ends on 1 April 2017");
	}

	@Test
	void onlyTheCcgsAccountableOfficerGivesNoticeWithAReasonAndOnlyWhileDelegated() {
		clock.set(Instant.parse("2015-06-01T10:00:00Z"));
		assertThatThrownBy(() -> as(users, "cc-ao-51a", () -> notices.give("51A", CommissioningLevel.JOINT, "Why")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("51A does not hold delegated commissioning, so there is nothing to end");
		delegated51A();
		assertThatThrownBy(() -> as(users, "cc-ao-50a", () -> notices.give("51A", CommissioningLevel.JOINT, "Why")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-area-q51", () -> notices.give("51A", CommissioningLevel.JOINT, "Why")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "cc-ao-51a", () -> notices.give("51A", CommissioningLevel.JOINT, " ")))
			.hasMessage("Give the reason for ending delegation");
		assertThatThrownBy(() -> as(users, "cc-ao-51a", () -> notices.give("51A", CommissioningLevel.DELEGATED, "Why")))
			.hasMessage("Choose the level to revert to: joint commissioning or greater involvement");
		assertThat(notices.all("51A")).isEmpty();
	}

	@Test
	void aCcgGivesNoticeOnItsHomePageAndSeesWhenDelegationEnds() throws Exception {
		delegated51A();
		clock.set(Instant.parse("2015-07-01T10:00:00Z"));
		Cookie ccg = login("cc-ao-51a");
		mvc.perform(get("/co-commissioning").cookie(ccg))
			.andExpect(content().string(allOf(containsString("Your CCG holds delegated commissioning today."),
					containsString("id=\"notice-form\""), containsString("delegation would end on 1 April 2016"))));
		mvc.perform(post("/co-commissioning/delegation-notice").cookie(ccg).with(csrf()).param("revertsTo", "JOINT")
			.param("reason", ""))
			.andExpect(flash().attribute("problem", "Give the reason for ending delegation"));
		mvc.perform(get("/co-commissioning").cookie(ccg).flashAttr("problem", "Give the reason for ending delegation"))
			.andExpect(content().string(allOf(containsString("There is a problem"), containsString("href=\"#notice-form\""))));
		mvc.perform(post("/co-commissioning/delegation-notice").cookie(ccg).with(csrf()).param("revertsTo", "JOINT")
			.param("reason", "Too few lay members to keep a quorate committee"))
			.andExpect(flash().attribute("saved", "Your notice to end delegation is recorded: the area team is told."));
		mvc.perform(get("/co-commissioning").cookie(ccg))
			.andExpect(content().string(allOf(containsString("delegation ends on 1 April 2016 and your CCG reverts to joint commissioning"),
					not(containsString("id=\"notice-form\"")))));
		Cookie board = login("cc-national");
		mvc.perform(get("/co-commissioning/national").cookie(board).param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("(notice given: joint commissioning from 1 April 2016)")));
		mvc.perform(get("/organisations/51A").cookie(board))
			.andExpect(content().string(containsString("Delegation ends by notice")));
	}

	private void delegated51A() {
		jdbc.sql("insert into cocommissioning_level (ccg_code, level, from_date) values ('51A', 'DELEGATED', '2015-04-01')")
			.update();
	}

	private Cookie login(String username) throws Exception {
		return SignIn.session(mvc, username, CoCommissioningTestData.PASSWORD);
	}
}

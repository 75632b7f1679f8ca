package org.cocommission.cocommissioning;

import java.time.Instant;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.cocommission.cocommissioning.applications.AttachmentTypesTests;
import org.cocommission.cocommissioning.levels.GoLive;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.SignIn;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Done when": a CCG user, an area team reviewer and a national board user, through the pages, take an application
 * from draft to live, and the CCG's level changes on the go-live date.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClock.Configuration.class)
class CoCommissioningScenarioTests {

	private final MockMvc mvc;

	private final MutableClock clock;

	private final GoLive goLive;

	private final JdbcClient jdbc;

	@Autowired
	CoCommissioningScenarioTests(MockMvc mvc, MutableClock clock, GoLive goLive, JdbcClient jdbc,
			DirectoryImports imports, UserAccounts accounts, UserDuties duties) {
		this.mvc = mvc;
		this.clock = clock;
		this.goLive = goLive;
		this.jdbc = jdbc;
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
	}

	@Test
	void aCcgAnAreaTeamAndTheBoardTakeAnApplicationFromDraftToLiveAndTheLevelChangesOnTheGoLiveDate() throws Exception {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		Cookie board = login("cc-national");
		mvc.perform(get("/co-commissioning").cookie(board))
			.andExpect(content().string(containsString("Set up a round")));
		mvc.perform(get("/co-commissioning/rounds/new").cookie(board)).andExpect(status().isOk());
		mvc.perform(post("/co-commissioning/rounds").cookie(board).with(csrf()).param("name", "Scenario 2015/16")
			.param("levels", "DELEGATED").param("eoiDeadline", "2014-12-19T17:00").param("applicationDeadline", "")
			.param("goLiveOn", "2015-04-01").param("criteria", "Integration"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("There is a problem"),
					containsString("Enter the deadline for full applications"), containsString("href=\"#applicationDeadline\""),
					containsString("nhsuk-form-group--error"), containsString("id=\"applicationDeadline-error\""))));
		String round = mvc.perform(post("/co-commissioning/rounds").cookie(board).with(csrf())
			.param("name", "Scenario 2015/16").param("levels", "JOINT", "DELEGATED")
			.param("eoiDeadline", "2014-12-19T17:00").param("applicationDeadline", "2015-01-09T12:00")
			.param("goLiveOn", "2015-04-01").param("scoreMin", "0").param("scoreMax", "4")
			.param("criteria", "Integration of care\nConflicts of interest"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();

		Cookie ccg = login("cc-ao-50b");
		mvc.perform(get("/co-commissioning").cookie(ccg)).andExpect(content().string(containsString("Scenario 2015/16")));
		mvc.perform(get(round).cookie(ccg)).andExpect(content().string(containsString("Express interest")));
		mvc.perform(post(round + "/interest").cookie(ccg).with(csrf()).param("level", "DELEGATED"))
			.andExpect(flash().attribute("saved",
					"Your expression of interest is recorded."));
		String application = mvc.perform(post(round + "/applications").cookie(ccg).with(csrf()).param("level", "DELEGATED"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(application.substring(application.lastIndexOf('/') + 1));
		mvc.perform(get(application).cookie(ccg))
			.andExpect(content().string(allOf(containsString("Before it can be submitted"),
					containsString("hx-trigger=\"keyup changed delay:1s\""), containsString("/governance/ccgs/50B/register"))));

		mvc.perform(post(application + "/sections/integration").cookie(ccg).with(csrf())
			.param("integration", "Joined-up care with community services").param("version", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Saved at"), containsString("id=\"autosave-message-integration\""),
					containsString("value=\"1\""))));
		mvc.perform(post(application + "/sections/standards").cookie(ccg).with(csrf())
			.param("standards", "A stale edit").param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("You changed this application in another tab or window")));
		mvc.perform(post(application + "/sections").cookie(ccg).with(csrf()).param("version", "1")
			.param("integration", "Joined-up care with community services").param("standards", "Peer review of practices")
			.param("healthInequalities", "Targeted list cleaning and outreach")
			.param("conflictsOfInterest", "Revised policy; registers published"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(post(application + "/functions").cookie(ccg).with(csrf()).param("version", "2")
			.param("codes", "GP_CONTRACTS", "NEW_PRACTICES"))
			.andExpect(flash().attribute("saved", true));
		int version = 3;
		String[][] members = { { "Ann Lay", "LAY_MEMBER", "true" }, { "Bob Lay", "LAY_MEMBER", "false" },
				{ "Cath Exec", "EXECUTIVE", "false" }, { "Dr Dan", "GP_MEMBER", "false" } };
		for (String[] member : members) {
			mvc.perform(post(application + "/committee").cookie(ccg).with(csrf()).param("version", String.valueOf(version++))
				.param("name", member[0]).param("role", member[1]).param("voting", "true").param("chair", member[2]))
				.andExpect(flash().attribute("saved", true));
		}
		mvc.perform(multipart(application + "/attachments").file(new MockMultipartFile("file", "finance-plan.pdf",
				"application/pdf", AttachmentTypesTests.pdf())).cookie(ccg).with(csrf()).param("version", String.valueOf(version++)))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(get(application).cookie(ccg))
			.andExpect(content().string(allOf(containsString("Meets the committee rules"), containsString("finance-plan.pdf"))));
		mvc.perform(post(application + "/transitions/submit").cookie(ccg).with(csrf()).param("version", String.valueOf(version))
			.param("comment", "Signed off by the accountable officer"))
			.andExpect(flash().attribute("saved", true));

		Cookie area = login("cc-area-q50");
		mvc.perform(get("/co-commissioning").cookie(area)).andExpect(content().string(containsString(application)));
		mvc.perform(post(application + "/transitions/start-review").cookie(area).with(csrf())
			.param("version", current(id)).param("comment", "Review started"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(post(application + "/transitions/request-information").cookie(area).with(csrf())
			.param("version", current(id)).param("comment", ""))
			.andExpect(flash().attribute("problem", containsString("Say what more you need from the CCG")));
		mvc.perform(post(application + "/transitions/request-information").cookie(area).with(csrf())
			.param("version", current(id)).param("comment", "Please add the delegated budget plan"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(get(application).cookie(ccg)).andExpect(content().string(containsString("Return it to the area team")));
		mvc.perform(post(application + "/transitions/return-information").cookie(ccg).with(csrf())
			.param("version", current(id)).param("comment", "Budget plan attached"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(get(application).cookie(area)).andExpect(content().string(containsString("Save the score")));
		long criterion = applicationCriterion(id);
		mvc.perform(post(application + "/scores").cookie(area).with(csrf()).param("version", current(id))
			.param("criterionId", String.valueOf(criterion)).param("score", "4").param("comment", "Clear plan"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(post(application + "/recommendation").cookie(area).with(csrf()).param("version", current(id))
			.param("recommendation", "APPROVE").param("reasons", "Meets every criterion"))
			.andExpect(flash().attribute("problem", containsString("Complete part 2")));
		mvc.perform(get(application).cookie(area)).andExpect(content().string(containsString("Sign part 2")));
		mvc.perform(post(application + "/part2").cookie(area).with(csrf()).param("version", current(id))
			.param("assuranceThresholdsMet", "true").param("conflictsThresholdsMet", "true")
			.param("soundFinancialControl", "true").param("declarationName", ""))
			.andExpect(flash().attribute("problem", "Sign the area team's declaration: enter your full name"));
		mvc.perform(post(application + "/part2").cookie(area).with(csrf()).param("version", current(id))
			.param("assuranceThresholdsMet", "true").param("conflictsThresholdsMet", "true")
			.param("soundFinancialControl", "true").param("declarationName", "Rita Reviewer"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(post(application + "/recommendation").cookie(area).with(csrf()).param("version", current(id))
			.param("recommendation", "APPROVE").param("reasons", "Meets every criterion"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(get(application).cookie(board))
			.andExpect(content().string(containsString("Declaration signed by Rita Reviewer (cc-area-q50)")));

		mvc.perform(get(application).cookie(board)).andExpect(content().string(containsString("Record the decision")));
		mvc.perform(post(application + "/decision").cookie(board).with(csrf()).param("version", current(id))
			.param("decision", "APPROVED").param("reasons", "Approved by the board on 10 February 2015"))
			.andExpect(flash().attribute("saved", true));
		mvc.perform(get("/public/co-commissioning")).andExpect(content().string(containsString("NHS BETA CCG (50B)")));
		mvc.perform(get("/co-commissioning").cookie(board))
			.andExpect(content().string(containsString("href=\"/co-commissioning/national\"")));
		mvc.perform(get(round).cookie(board))
			.andExpect(content().string(containsString("href=\"/co-commissioning/national?round=" + roundId(round) + "\"")));
		mvc.perform(get("/co-commissioning/national").param("round", roundId(round)).cookie(board))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("CCGs by level"), containsString("levels-by-region"),
					containsString("Delegated commissioning: Decided by the board"), containsString("national.csv"))));
		mvc.perform(get("/co-commissioning/national").cookie(ccg)).andExpect(status().isForbidden());
		mvc.perform(get("/co-commissioning/national").param("round", roundId(round)).param("page", "1").cookie(board))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NHS GAMMA CCG (51A)")));

		clock.set(Instant.parse("2015-03-31T12:00:00Z"));
		goLive.goLiveDue();
		// Issue 22, defect 3: before go-live the directory page says the level today and the change to come.
		mvc.perform(get("/organisations/50B").cookie(board))
			.andExpect(content().string(allOf(containsString("Level on 31 March 2015"), containsString("Greater involvement"),
					containsString("Delegated commissioning from 1 April 2015"), not(containsString("GP contracts of its")))));
		clock.set(Instant.parse("2015-04-01T00:05:00+01:00"));
		goLive.goLiveDue();
		mvc.perform(get(application).cookie(ccg)).andExpect(content().string(containsString("Went live on 1 April 2015")));
		mvc.perform(get("/organisations/50B").cookie(board))
			.andExpect(content().string(allOf(containsString("Delegated commissioning"),
					containsString("GP contracts of its 1 member practices"))));
	}

	@Test
	void aNationalUserSetsTheRoundsQuorumOnTheRoundPageAndTheCcgSeesIt() throws Exception {
		Cookie board = login("cc-national");
		String round = mvc.perform(post("/co-commissioning/rounds").cookie(board).with(csrf())
			.param("name", "Quorum scenario").param("levels", "JOINT").param("eoiDeadline", "2014-12-19T17:00")
			.param("applicationDeadline", "2015-01-30T12:00").param("goLiveOn", "2015-04-01")
			.param("criteria", "Integration of care"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(round).cookie(board))
			.andExpect(content().string(allOf(containsString("id=\"quorum-form\""),
					containsString("3 voting members present, including at least 1 lay, 1 GP and 1 executive"))));
		mvc.perform(post(round + "/quorum").cookie(board).with(csrf()).param("version", "0").param("minVoting", "two")
			.param("minLay", "1").param("minGp", "1").param("minExecutive", "1"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("href=\"#quorum-minVoting\""),
					containsString("Enter the number of voting members present as a whole number, like 1"),
					containsString("value=\"two\""))));
		mvc.perform(post(round + "/quorum").cookie(board).with(csrf()).param("version", "0").param("minVoting", "4")
			.param("minLay", "2").param("minGp", "1").param("minExecutive", "1"))
			.andExpect(flash().attribute("saved", "The quorum proposed committees must meet is saved."));
		mvc.perform(post(round + "/quorum").cookie(board).with(csrf()).param("version", "0").param("minVoting", "3")
			.param("minLay", "1").param("minGp", "1").param("minExecutive", "1"))
			.andExpect(flash().attribute("problem", containsString("Someone else changed this round's quorum")));
		Cookie ccg = login("cc-ao-51a");
		mvc.perform(get(round).cookie(ccg))
			.andExpect(content().string(allOf(containsString("4 voting members present, including at least 2 lay, 1 GP and 1 executive"),
					not(containsString("id=\"quorum-form\"")))));
		mvc.perform(post(round + "/quorum").cookie(ccg).with(csrf()).param("version", "1").param("minVoting", "3")
			.param("minLay", "1").param("minGp", "1").param("minExecutive", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(post(round + "/interest").cookie(ccg).with(csrf()).param("level", "JOINT"))
			.andExpect(flash().attribute("saved", "Your expression of interest is recorded."));
		String application = mvc.perform(post(round + "/applications").cookie(ccg).with(csrf()).param("level", "JOINT"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(application).cookie(ccg))
			.andExpect(content().string(containsString("4 voting members present, including at least 2 lay, 1 GP and 1 executive")));
	}

	@Test
	void aNationalUserSetsADeadlinePerLevelOnTheRoundFormAndTheCcgSeesItsOwn() throws Exception {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		Cookie board = login("cc-national");
		mvc.perform(get("/co-commissioning/rounds/new").cookie(board))
			.andExpect(content().string(allOf(containsString("name=\"levelDeadlines[DELEGATED]\""), containsString("9 January 2015"))));
		mvc.perform(post("/co-commissioning/rounds").cookie(board).with(csrf()).param("name", "Per-level scenario")
			.param("levels", "JOINT", "DELEGATED").param("eoiDeadline", "2014-12-19T17:00")
			.param("applicationDeadline", "2015-01-30T17:00").param("levelDeadlines[DELEGATED]", "2015-05-09T17:00")
			.param("goLiveOn", "2015-04-01").param("criteria", "Integration"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("The go-live date must be after the full application deadline for delegated commissioning"),
					containsString("href=\"#levelDeadlines\""), containsString("id=\"levelDeadlines-error\""),
					containsString("value=\"2015-05-09T17:00\""))));
		String round = mvc.perform(post("/co-commissioning/rounds").cookie(board).with(csrf()).param("name", "Per-level scenario")
			.param("levels", "JOINT", "DELEGATED").param("eoiDeadline", "2014-12-19T17:00")
			.param("applicationDeadline", "2015-01-30T17:00").param("levelDeadlines[DELEGATED]", "2015-01-09T17:00")
			.param("goLiveOn", "2015-04-01").param("criteria", "Integration"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get("/co-commissioning").cookie(board))
			.andExpect(content().string(allOf(containsString("Delegated commissioning: 9 Jan 2015 17:00"),
					containsString("Joint commissioning: 30 Jan 2015 17:00"))));
		mvc.perform(get(round).cookie(board))
			.andExpect(content().string(allOf(containsString("Full applications due: Delegated commissioning"),
					containsString("9 January 2015 17:00 (UK time)"), containsString("30 January 2015 17:00 (UK time)"))));
		Cookie ccg = login("cc-ao-51a");
		mvc.perform(post(round + "/interest").cookie(ccg).with(csrf()).param("level", "DELEGATED"))
			.andExpect(flash().attribute("saved", "Your expression of interest is recorded."));
		String application = mvc.perform(post(round + "/applications").cookie(ccg).with(csrf()).param("level", "DELEGATED"))
			.andReturn().getResponse().getRedirectedUrl();
		mvc.perform(get(application).cookie(ccg))
			.andExpect(content().string(containsString(
					"Full applications for delegated commissioning are due by 9 January 2015 17:00 (UK time).")));
	}

	private static String roundId(String roundUrl) {
		return roundUrl.substring(roundUrl.lastIndexOf('/') + 1);
	}

	private String current(long id) {
		return String.valueOf(jdbc.sql("select version from cocommissioning_application where id = ?").param(id)
			.query(Integer.class).single());
	}

	private long applicationCriterion(long id) {
		return jdbc.sql("select c.id from cocommissioning_criterion c join cocommissioning_application a"
				+ " on a.round_id = c.round_id where a.id = ? order by c.position limit 1").param(id).query(Long.class).single();
	}

	private Cookie login(String username) throws Exception {
		return SignIn.session(mvc, username, CoCommissioningTestData.PASSWORD);
	}
}

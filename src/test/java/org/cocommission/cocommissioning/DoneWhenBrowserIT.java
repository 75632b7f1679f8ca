package org.cocommission.cocommissioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.cocommission.browser.Chromium;
import org.cocommission.cocommissioning.levels.GoLive;
import org.cocommission.directory.DirectoryImports;
import org.cocommission.governance.CommitteeKind;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.MemberRole;
import org.cocommission.identity.Duty;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserDuties.DutyGrant;
import org.cocommission.identity.UserDuties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 22's "Done when", tried as new users would in a real Chromium: a CCG expresses interest and starts its full
 * application on the round's page and, once the board approves, sees the level change on the application and on its
 * directory page, first as scheduled, then as today's level from the go-live date; a governance lead picks the
 * provider of an agenda item from the type-ahead list and the director of that provider is conflicted; a meeting
 * that has not happened offers no outcome, votes or attendance. Skipped where Chromium is not installed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Configuration.class)
class DoneWhenBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Rounds rounds;

	@Autowired
	Applications applications;

	@Autowired
	ApplicationWorkflow workflow;

	@Autowired
	Reviews reviews;

	@Autowired
	GoLive goLive;

	@Autowired
	Governance governance;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserDuties duties;

	@Autowired
	MutableClock clock;

	@Autowired
	DirectoryImports imports;

	@Autowired
	UserAccounts accounts;

	private Chromium chromium;

	@BeforeEach
	void startBrowser() throws IOException {
		CoCommissioningTestData.directoryAndUsers(imports, accounts, duties);
		chromium = Chromium.start(1280, 2000);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	private String server() {
		return "http://localhost:" + port;
	}

	@Test
	void anApplicationGoesFromExpressionOfInterestToGoLiveAndTheDirectoryPageShowsTheLevelOnThatDate() throws IOException {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		Round round = CoCommissioningTestData.as(users, "cc-national",
				() -> rounds.create(CoCommissioningTestData.round("Done when round")));
		WebDriver browser = chromium.driver();
		chromium.signIn(server(), "cc-ao-50b", CoCommissioningTestData.PASSWORD);

		browser.get(server() + "/co-commissioning/rounds/" + round.id());
		browser.findElement(By.id("interest-DELEGATED")).click();
		browser.findElement(By.id("express-interest")).click();
		assertThat(chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("interest-made"))).getText())
			.contains("delegated commissioning, made on 1 December 2014");
		browser.findElement(By.id("start-application")).click();
		chromium.waiting().until(ExpectedConditions.urlMatches("/co-commissioning/applications/\\d+$"));
		String url = browser.getCurrentUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

		ApplicationView complete = CoCommissioningTestData.as(users, "cc-ao-50b", () -> {
			ApplicationView draft = applications.application(id);
			Map<Section, String> sections = new EnumMap<>(Section.class);
			for (Section section : Section.values()) {
				sections.put(section, "Our plan for " + section.label().toLowerCase());
			}
			int version = applications.saveSections(id, sections, draft.version());
			version = applications.setFunctions(id, Set.of("GP_CONTRACTS", "PRACTICE_MERGERS"), version);
			for (NewCommitteeMember member : CoCommissioningTestData.compliantCommittee()) {
				version = applications.addCommitteeMember(id, member, version);
			}
			return applications.application(id);
		});
		ApplicationView submitted = CoCommissioningTestData.as(users, "cc-ao-50b",
				() -> workflow.submit(id, "Signed off by the governing body", complete.version()));
		ApplicationView reviewing = CoCommissioningTestData.as(users, "cc-area-q50",
				() -> workflow.startReview(id, "Starting", submitted.version()));
		int assured = CoCommissioningTestData.as(users, "cc-area-q50",
				() -> reviews.recordPart2(id, true, true, true, "Rita Reviewer", reviewing.version()));
		ApplicationView recommended = CoCommissioningTestData.as(users, "cc-area-q50",
				() -> reviews.recommend(id, Recommendation.APPROVE, "Sound", assured));
		clock.set(Instant.parse("2015-02-10T10:00:00Z"));
		CoCommissioningTestData.as(users, "cc-national", () -> reviews.decide(id, BoardDecision.APPROVED,
				"Approved by the board", List.of(), recommended.version()));

		browser.get(server() + "/co-commissioning/applications/" + id);
		assertThat(browser.findElement(By.id("decision-summary")).getText())
			.contains("approved this application on 10 February 2015")
			.contains("moves to delegated commissioning from 1 April 2015");
		browser.get(server() + "/organisations/50B");
		assertThat(browser.findElement(By.tagName("main")).getText())
			.contains("Primary care commissioning")
			.contains("Delegated commissioning from 1 April 2015");

		clock.set(Instant.parse("2015-03-31T23:00:00Z"));
		goLive.goLiveDue();
		browser.get(server() + "/organisations/50B");
		String current = browser.findElements(By.cssSelector("table.cc-facts tr"))
			.stream()
			.filter(row -> row.getText().contains("Current"))
			.map(row -> row.getText())
			.findFirst()
			.orElse("");
		assertThat(current).contains("Delegated commissioning").contains("1 Apr 2015");
		browser.get(server() + "/co-commissioning/applications/" + id);
		assertThat(browser.findElement(By.id("history")).getText()).contains("Went live on 1 April 2015")
			.doesNotContain("2015-04-01");
		chromium.screenshot(Path.of("/tmp/browser-done-when-application.png"));
	}

	@Test
	void aLeadPicksTheProviderFromTheListItsDirectorIsConflictedAndAMeetingAheadOffersNoOutcome() throws IOException {
		clock.set(Instant.parse("2014-12-01T10:00:00Z"));
		duties.grantAtStartUp(List.of(new DutyGrant("cc-ao-51a", Duty.GOVERNANCE_LEAD, "51A")));
		LocalDate joined = LocalDate.of(2014, 1, 1);
		long committee = CoCommissioningTestData.as(users, "cc-ao-51a", () -> {
			List<Long> people = governance.addPeople("51A", List.of(
					new GovernanceRequests.NewPerson("Lay Chair", MemberRole.LAY_MEMBER, null, "Lay chair", null, joined),
					new GovernanceRequests.NewPerson("Lay Member", MemberRole.LAY_MEMBER, null, null, null, joined),
					new GovernanceRequests.NewPerson("Dr Harry Fletcher", MemberRole.GP_MEMBER, null, null, null, joined),
					new GovernanceRequests.NewPerson("Dr Other", MemberRole.GP_MEMBER, null, null, null, joined),
					new GovernanceRequests.NewPerson("Exec One", MemberRole.EXECUTIVE, null, null, null, joined),
					new GovernanceRequests.NewPerson("Exec Two", MemberRole.EXECUTIVE, null, null, null, joined)));
			governance.declare("51A", people.get(2), new GovernanceRequests.NewDeclaration(InterestCategory.FINANCIAL,
					"Director of Fletcher GP Federation Ltd", null, "Fletcher GP Federation Ltd", joined, null, null));
			return governance.createCommittee("51A", new GovernanceRequests.NewCommittee("Primary care commissioning committee",
					CommitteeKind.PRIMARY_CARE_COMMISSIONING_COMMITTEE, 3, 1, 1, 1, null, null, people.get(0), null,
					people.stream().map(person -> new GovernanceRequests.CommitteeMember(person, null)).toList()));
		});
		WebDriver browser = chromium.driver();
		chromium.signIn(server(), "cc-ao-51a", CoCommissioningTestData.PASSWORD);

		browser.get(server() + "/governance/ccgs/51A/meetings/new");
		browser.findElement(By.id("meeting-form-bodyQuery")).sendKeys("FLETCHER federation");
		chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-form-body-0")));
		assertThat(browser.findElement(By.id("meeting-form-body-results")).getText())
			.contains("Fletcher GP Federation Ltd (register of bodies)");
		browser.findElement(By.cssSelector("label[for='meeting-form-body-0']")).click();
		new Select(browser.findElement(By.id("committeeId"))).selectByValue(String.valueOf(committee));
		((JavascriptExecutor) browser).executeScript("document.getElementById('heldOn').value = '2014-12-01'");
		browser.findElement(By.id("title")).sendKeys("Extended access");
		browser.findElement(By.id("itemTitle")).sendKeys("Extended access contract");
		browser.findElement(By.id("create-meeting")).click();
		chromium.waiting().until(ExpectedConditions.urlMatches("/governance/meetings/\\d+$"));

		String conflicts = browser.findElement(By.cssSelector("table.conflicts")).getText();
		assertThat(conflicts).contains("Dr Harry Fletcher").contains("Leave for the item, may not vote");
		assertThat(browser.findElement(By.tagName("main")).getText()).contains("Affects: Fletcher GP Federation Ltd");
		chromium.screenshot(Path.of("/tmp/browser-done-when-conflict.png"));

		long ahead = CoCommissioningTestData.as(users, "cc-ao-51a", () -> governance.createMeeting("51A",
				new GovernanceRequests.NewMeeting(committee, LocalDate.of(2014, 12, 15), "December meeting",
						List.of(new GovernanceRequests.NewItem("Practice merger", ItemKind.DECISION, false, List.of())))));
		browser.get(server() + "/governance/meetings/" + ahead);
		assertThat(browser.findElement(By.id("not-yet-held")).getText()).contains("This meeting is on 15 December 2014");
		assertThat(browser.findElements(By.cssSelector(".outcome-form, .vote-form, #attendance-form"))).isEmpty();
	}
}

package org.cocommission.governance.publication;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.cocommission.governance.AffectedOrganisation;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests.NewDeclaration;
import org.cocommission.governance.GovernanceRequests.NewItem;
import org.cocommission.governance.GovernanceRequests.NewMeeting;
import org.cocommission.governance.GovernanceRequests.Outcome;
import org.cocommission.governance.GovernanceFixture;
import org.cocommission.governance.GovernanceViews.DecisionRow;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.ItemKind;
import org.cocommission.governance.ItemStatus;
import org.cocommission.identity.SignIn;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the public is given of a committee's work: the decisions register (each conflict said once) and the minutes,
 * also as a PDF linked from the meeting and minutes pages with what the minutes page says.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(GovernanceFixture.class)
class GovernancePublicationTests {

	private final MockMvc mvc;

	private final Governance governance;

	private final GovernanceFixture fixture;

	@Autowired
	GovernancePublicationTests(MockMvc mvc, Governance governance, GovernanceFixture fixture) {
		this.mvc = mvc;
		this.governance = governance;
		this.fixture = fixture;
	}

	@Test
	void theMinutesDownloadAsAPdfWithTheMeetingsItemsDeclarationsAndOutcomes() throws Exception {
		fixture.directoryAndUsers();
		var committee = fixture.committee("minutes-pdf");
		long meeting = governance.createMeeting("01A", new NewMeeting(committee.id(), LocalDate.of(2015, 10, 7),
				"October meeting minutes-pdf", List.of(new NewItem("Extended opening at High Street Surgery", ItemKind.DECISION,
						false, List.of(new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, "G10001", null))))));
		long item = governance.meeting(meeting).items().get(0).id();
		Cookie session = SignIn.session(mvc, "lead-01a", GovernanceFixture.PASSWORD);
		String pdfLink = "/governance/meetings/" + meeting + "/minutes.pdf";
		mvc.perform(get("/governance/meetings/" + meeting).cookie(session))
			.andExpect(content().string(containsString("href=\"" + pdfLink + "\"")));
		mvc.perform(get("/governance/meetings/" + meeting + "/minutes").cookie(session))
			.andExpect(content().string(containsString("href=\"" + pdfLink + "\"")));
		// Not published until the minutes are approved, which needs every item's outcome (issue 22, defect 2).
		mvc.perform(get("/public/governance/meetings/" + meeting + "/minutes.pdf")).andExpect(status().isNotFound());
		assertThatThrownBy(() -> governance.approveMinutes(meeting))
			.hasMessage("Record the outcome of every item before approving the minutes");

		governance.recordOutcome(item, new Outcome(ItemStatus.APPROVED, "Extended opening approved from 1 November 2015",
				null, 0));
		mvc.perform(get("/public/governance/meetings/" + meeting + "/minutes.pdf")).andExpect(status().isNotFound());
		mvc.perform(get("/governance/meetings/" + meeting).cookie(session))
			.andExpect(content().string(containsString("Approve and publish the minutes")));
		mvc.perform(post("/governance/meetings/" + meeting + "/minutes/approval").cookie(session).with(csrf()))
			.andExpect(flash().attribute("minutesApproved", true));

		byte[] pdf = mvc.perform(get(pdfLink).cookie(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("minutes-01A-2015-10-07")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = text(pdf);
		assertThat(text).contains("Minutes: October meeting minutes-pdf")
			.contains("7 October 2015")
			.contains("1. Extended opening at High Street Surgery")
			.contains("Dr Partner minutes-pdf declared")
			.contains("Extended opening approved from 1 November 2015");

		byte[] published = mvc.perform(get("/public/governance/meetings/" + meeting + "/minutes.pdf"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(text(published)).contains("Extended opening approved from 1 November 2015");
		mvc.perform(get("/public/governance/meetings/" + meeting + "/minutes"))
			.andExpect(content().string(containsString("href=\"/public/governance/meetings/" + meeting + "/minutes.pdf\"")));
	}

	@Test
	void anInterestBothDeclaredAndLinkedIsShownOnceInTheRegister() {
		fixture.directoryAndUsers();
		var committee = fixture.committee("declared-and-linked");
		// Dr Partner is linked as partner at G10001 and also declares that partnership on the register.
		governance.declare("01A", committee.partner(), new NewDeclaration(InterestCategory.FINANCIAL,
				"Partner of High Street Surgery", "G10001", null, LocalDate.of(2010, 4, 1), null, null));
		long meeting = governance.createMeeting("01A", new NewMeeting(committee.id(), LocalDate.of(2015, 8, 5),
				"August meeting", List.of(new NewItem("Extended hours at High Street Surgery declared-and-linked",
						ItemKind.DECISION, false,
						List.of(new AffectedOrganisation(AffectedOrganisation.Kind.PRACTICE, "G10001", null))))));
		long item = governance.meeting(meeting).items().get(0).id();
		governance.recordOutcome(item, new Outcome(ItemStatus.APPROVED, "Approved", null, 0));

		DecisionRow row = governance.decisions("01A", false)
			.stream()
			.filter(decision -> decision.itemId() == item)
			.findFirst()
			.orElseThrow();

		assertThat(row.conflicts()).contains("Dr Partner declared-and-linked (Financial")
			.contains("Partner of High Street Surgery")
			.doesNotContain("Partner at G10001");
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}
}

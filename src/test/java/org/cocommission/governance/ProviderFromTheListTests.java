package org.cocommission.governance;

import jakarta.servlet.http.Cookie;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.cocommission.governance.GovernanceRequests.CastVote;
import org.cocommission.governance.GovernanceViews.ItemView;
import org.cocommission.identity.SignIn;
import org.cocommission.platform.InvalidInputException;

import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 22, defect 1: a governance lead picks the provider an agenda item affects from the register of bodies (found
 * by type-ahead, or by a plain search without JavaScript) rather than typing it; the director of that body, whose
 * interest names it in the register, is conflicted and cannot vote. Interest and item are linked by the body's id.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(GovernanceFixture.class)
class ProviderFromTheListTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Governance governance;

	@Autowired
	GovernanceFixture fixture;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theLeadPicksTheFederationFromTheListAndItsDirectorCannotVote() throws Exception {
		fixture.directoryAndUsers();
		var committee = fixture.committee("picked");
		Cookie session = SignIn.session(mvc, "lead-01a", GovernanceFixture.PASSWORD);

		// Dr Other declares a directorship of the federation, typed: the federation joins the register of bodies.
		mvc.perform(post("/governance/ccgs/01A/declarations").cookie(session).with(csrf())
			.param("person", String.valueOf(committee.otherGp()))
			.param("category", "FINANCIAL")
			.param("description", "Director of Fletcher GP Federation Ltd")
			.param("bodyName", "Fletcher GP Federation Ltd")
			.param("from", "2014-01-01"))
			.andExpect(status().is3xxRedirection());
		long body = jdbc.sql("select body_id from governance_declaration where person_id = ?")
			.param(committee.otherGp())
			.query(Long.class)
			.single();

		// Type-ahead (htmx) and the plain search both offer it, by any spelling, as a choice of the meeting form.
		mvc.perform(get("/governance/bodies").param("chooser", "MEETING").param("bodyQuery", "FLETCHER federation")
			.cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"body:" + body + "\""),
					containsString("form=\"meeting-form\""),
					containsString("Fletcher GP Federation Ltd (register of bodies)"))));
		mvc.perform(get("/governance/ccgs/01A/meetings/new").param("bodyQuery", "fletcher gp").cookie(session))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"body:" + body + "\""),
					containsString("id=\"meeting-form-body-search\""))));

		String location = mvc.perform(post("/governance/ccgs/01A/meetings").cookie(session).with(csrf())
			.param("committeeId", String.valueOf(committee.id()))
			.param("heldOn", "2015-12-15")
			.param("title", "Extended access")
			.param("itemTitle", "Extended access contract")
			.param("itemKind", "DECISION")
			.param("provider", "body:" + body))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long meeting = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		ItemView item = governance.meeting(meeting).items().get(0);

		assertThat(jdbc.sql("select body_id from governance_item_organisation where item_id = ?")
			.param(item.id())
			.query(Long.class)
			.single()).isEqualTo(body);
		assertThat(item.affected()).singleElement()
			.satisfies(affected -> assertThat(affected.bodyName()).isEqualTo("Fletcher GP Federation Ltd"));
		assertThat(item.conflicts()).singleElement().satisfies(conflict -> {
			assertThat(conflict.personId()).isEqualTo(committee.otherGp());
			assertThat(conflict.requiredHandling()).isEqualTo(Handling.LEAVE_FOR_ITEM);
		});
		assertThatThrownBy(() -> governance.vote(item.id(), new CastVote(committee.otherGp(), Vote.FOR)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("may not vote on this item");
	}

	@Test
	void aBodyTypedOnAnItemInAnotherSpellingIsLinkedToTheRegisteredBody() throws Exception {
		fixture.directoryAndUsers();
		var committee = fixture.committee("typed");
		governance.declare("01A", committee.otherGp(), new GovernanceRequests.NewDeclaration(InterestCategory.FINANCIAL,
				"Shareholder of Northgate Primary Care Alliance Limited", null,
				"Northgate Primary Care Alliance Limited", LocalDate.of(2014, 1, 1), null, null));
		long meeting = governance.createMeeting("01A", new GovernanceRequests.NewMeeting(committee.id(),
				LocalDate.of(2015, 12, 15), "Alliance", java.util.List.of(new GovernanceRequests.NewItem("Alliance contract",
						ItemKind.DECISION, false, java.util.List.of(new AffectedOrganisation(
								AffectedOrganisation.Kind.PROVIDER, null, "the northgate primary care alliance ltd"))))));
		long item = governance.meeting(meeting).items().get(0).id();

		assertThat(jdbc.sql("select o.body_id = d.body_id from governance_item_organisation o, governance_declaration d"
				+ " where o.item_id = ? and d.person_id = ?").params(item, committee.otherGp()).query(Boolean.class).single())
			.isTrue();
	}
}

package org.cocommission.outcomes.discussions;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.cocommission.directory.DirectoryImports;
import org.cocommission.identity.UserAccounts;
import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.DiscussionReply;
import org.cocommission.outcomes.DiscussionStart;
import org.cocommission.outcomes.ObservationImports;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cocommission.outcomes.discussions.DiscussionTestData.INDICATOR;
import static org.cocommission.outcomes.discussions.DiscussionTestData.PASSWORD;
import static org.cocommission.outcomes.OutcomesTestData.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A comment's author edits it; a draft is published by its author or its organisation, and then reaches peers. */
@SpringBootTest(properties = "cocommission.test.context=discussion")
@AutoConfigureMockMvc
class OutcomesDiscussionCommentChangesTests {

	private final MockMvc mvc;

	private final JdbcClient jdbc;

	private final DirectoryImports directoryImports;

	private final UserAccounts accounts;

	private final UserDetailsService users;

	private final ObservationImports observations;

	private final Discussions discussions;

	private final DiscussionCommentChanges changes;

	@Autowired
	OutcomesDiscussionCommentChangesTests(MockMvc mvc, JdbcClient jdbc, DirectoryImports directoryImports,
			UserAccounts accounts, UserDetailsService users, ObservationImports observations, Discussions discussions,
			DiscussionCommentChanges changes) {
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.directoryImports = directoryImports;
		this.accounts = accounts;
		this.users = users;
		this.observations = observations;
		this.discussions = discussions;
		this.changes = changes;
	}

	@BeforeEach
	void data() {
		DiscussionTestData.load(jdbc, directoryImports, accounts, users, observations);
	}

	@Test
	void theAuthorEditsTheTextKeepingThePreviousInTheAuditTrailAndTellsNewMentionsOnce() {
		Discussion thread = start("disc-ccg-01a", "First version", true);
		long id = firstComment(thread);
		DiscussionComment edited = as(users, "disc-ccg-01a",
				() -> changes.edit(thread.id(), id, "Second version, @disc-ccg-01b", 0));
		assertThat(edited.text()).isEqualTo("Second version, @disc-ccg-01b");
		assertThat(edited.edited()).isTrue();
		assertThat(edited.version()).isEqualTo(1);
		assertThat(edited.mentions()).containsExactly("disc-ccg-01b");
		assertThat(notices("disc-ccg-01b")).isEqualTo(1);
		assertThat(jdbc.sql("select body from notification_email_outbox where recipient = 'disc-ccg-01b@example.nhs.uk'"
				+ " and deduplication_key like 'outcomes-discussion-mention-%'")
			.query(String.class)
			.single()).endsWith("Read it in CoCommission: http://localhost:8080/outcomes/discussions/" + thread.id()
					+ "#comment-" + id);
		as(users, "disc-ccg-01a", () -> changes.edit(thread.id(), id, "Third version, @disc-ccg-01b and @disc-ccg-01c", 1));
		assertThat(notices("disc-ccg-01b")).isEqualTo(1);
		assertThat(notices("disc-ccg-01c")).isEqualTo(1);
		assertThat(texts("disc-ccg-01c", thread)).containsExactly("Third version, @disc-ccg-01b and @disc-ccg-01c");
		assertThat(jdbc.sql("select before_state ->> 'text' from audit_event where action = 'OUTCOMES_DISCUSSION_COMMENT_EDITED'"
				+ " and entity_id = ? order by id").param(String.valueOf(id)).query(String.class).list())
			.containsExactly("First version", "Second version, @disc-ccg-01b");
	}

	@Test
	void onlyTheAuthorEditsWithTheVersionAsReadAndValidTextInAnOpenThread() {
		Discussion thread = start("disc-ccg-01a", "Original", true);
		long id = firstComment(thread);
		for (String other : List.of("disc-ccg-01b", "disc-area-q01", "disc-national", "disc-ccg-01a-colleague",
				"disc-ccg-02e")) {
			assertThatThrownBy(() -> as(users, other, () -> changes.edit(thread.id(), id, "Not mine", 0))).as(other)
				.isInstanceOf(AccessDeniedException.class);
		}
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> changes.edit(thread.id(), id, "Stale", 3)))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> changes.edit(thread.id(), id, " ", 0)))
			.isInstanceOfSatisfying(DiscussionInputException.class,
					ex -> assertThat(ex.fieldErrors()).containsEntry("text", "Enter a comment"));
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> changes.edit(thread.id(), id, "Ask @disc-ccg-02e", 0)))
			.isInstanceOf(DiscussionInputException.class);
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> changes.edit(thread.id(), 987_654, "Missing", 0)))
			.isInstanceOf(java.util.NoSuchElementException.class);
		as(users, "disc-area-q01", () -> discussions.close(thread.id(), 0));
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> changes.edit(thread.id(), id, "After closing", 0)))
			.isInstanceOf(DiscussionInputException.class);
		assertThat(texts("disc-ccg-01a", thread)).containsExactly("Original");
	}

	@Test
	void publishingADraftShowsItToPeersAndTellsThePeersItMentions() {
		Discussion thread = start("disc-ccg-01a", "Opening", true);
		DiscussionComment draft = as(users, "disc-ccg-01a", () -> discussions.comment(thread.id(),
				new DiscussionReply("Draft: should we ask @disc-ccg-01b?", false, null, null)));
		assertThat(texts("disc-ccg-01b", thread)).containsExactly("Opening");
		assertThat(notices("disc-ccg-01b")).isZero();
		assertThatThrownBy(() -> as(users, "disc-ccg-01b", () -> changes.publish(thread.id(), draft.id(), 0)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(users, "disc-area-q01", () -> changes.publish(thread.id(), draft.id(), 0)))
			.isInstanceOf(AccessDeniedException.class);
		DiscussionComment published = as(users, "disc-ccg-01a-colleague",
				() -> changes.publish(thread.id(), draft.id(), 0));
		assertThat(published.published()).isTrue();
		assertThat(published.publishedAt()).isNotNull();
		assertThat(texts("disc-ccg-01b", thread)).containsExactly("Opening", "Draft: should we ask @disc-ccg-01b?");
		assertThat(notices("disc-ccg-01b")).isEqualTo(1);
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> changes.publish(thread.id(), draft.id(), 0)))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> as(users, "disc-ccg-01a", () -> changes.publish(thread.id(), draft.id(), 1)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("This comment is already shared with the discussion");
		assertThat(notices("disc-ccg-01b")).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'OUTCOMES_DISCUSSION_COMMENT_PUBLISHED'"
				+ " and entity_id = ?").param(String.valueOf(draft.id())).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aDraftsMentionTakenOutBeforePublishingIsNeverTold() {
		Discussion thread = start("disc-ccg-01a", "Opening", true);
		DiscussionComment draft = as(users, "disc-ccg-01a", () -> discussions.comment(thread.id(),
				new DiscussionReply("Ask @disc-ccg-01c?", false, null, null)));
		as(users, "disc-ccg-01a", () -> changes.edit(thread.id(), draft.id(), "Better ask @disc-ccg-01b", 0));
		as(users, "disc-ccg-01a", () -> changes.publish(thread.id(), draft.id(), 1));
		assertThat(notices("disc-ccg-01c")).isZero();
		assertThat(notices("disc-ccg-01b")).isEqualTo(1);
	}

	@Test
	void theAuthorEditsAndPublishesThroughThePagesWithErrorsAndStaleVersionsShown() throws Exception {
		Cookie author = session("disc-ccg-01a");
		Discussion thread = start("disc-ccg-01a", "Shared opening", true);
		long opening = firstComment(thread);
		DiscussionComment draft = as(users, "disc-ccg-01a", () -> discussions.comment(thread.id(),
				new DiscussionReply("Internal draft", false, null, null)));
		String threadUrl = "/outcomes/discussions/" + thread.id();
		String editUrl = threadUrl + "/comments/" + opening + "/edit";
		mvc.perform(get(threadUrl).cookie(author))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + editUrl + "\"")))
			.andExpect(content().string(containsString("id=\"publish-form-" + draft.id() + "\"")))
			.andExpect(content().string(not(containsString("id=\"publish-form-" + opening + "\""))));
		mvc.perform(get(editUrl).cookie(author))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Edit your comment")))
			.andExpect(content().string(containsString(">Shared opening</textarea>")));
		mvc.perform(post(threadUrl + "/comments/" + opening).cookie(author).with(csrf()).param("version", "0")
			.param("text", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("Enter a comment")));
		mvc.perform(post(threadUrl + "/comments/" + opening).cookie(author).with(csrf()).param("version", "0")
			.param("text", "Shared opening, corrected"))
			.andExpect(redirectedUrl(threadUrl + "#comment-" + opening));
		mvc.perform(post(threadUrl + "/comments/" + opening).cookie(author).with(csrf()).param("version", "0")
			.param("text", "From a stale page"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("changed or published since you opened it")))
			.andExpect(content().string(containsString(">Shared opening, corrected</textarea>")));
		mvc.perform(get(threadUrl).cookie(session("disc-ccg-01b")))
			.andExpect(content().string(containsString("Shared opening, corrected")))
			.andExpect(content().string(containsString("id=\"edited-" + opening + "\"")))
			.andExpect(content().string(not(containsString("Internal draft"))))
			.andExpect(content().string(not(containsString(editUrl))));
		mvc.perform(post(threadUrl + "/comments/" + draft.id() + "/publish").cookie(author).with(csrf())
			.param("version", "1")).andExpect(status().isConflict())
			.andExpect(content().string(containsString("There is a problem")))
			.andExpect(content().string(containsString("href=\"#comment-" + draft.id() + "\"")));
		mvc.perform(post(threadUrl + "/comments/" + draft.id() + "/publish").cookie(author).with(csrf())
			.param("version", "0")).andExpect(redirectedUrl(threadUrl + "#comment-" + draft.id()));
		mvc.perform(get(threadUrl).cookie(session("disc-ccg-01b")))
			.andExpect(content().string(containsString("Internal draft")));
		mvc.perform(get(editUrl).cookie(session("disc-ccg-01b"))).andExpect(status().isForbidden());
	}

	@Test
	void theApiEditsAndPublishesWithTheSameRules() throws Exception {
		Discussion thread = start("disc-ccg-01a", "By the API", true);
		long opening = firstComment(thread);
		String url = "/api/v1/outcomes/discussions/" + thread.id() + "/comments/" + opening;
		mvc.perform(put(url).with(httpBasic("disc-ccg-01a", PASSWORD))
			.contentType("application/json")
			.content("{\"text\": \"Edited by the API\", \"version\": 0}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.text").value("Edited by the API"))
			.andExpect(jsonPath("$.editedAt").exists())
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(put(url).with(httpBasic("disc-ccg-01b", PASSWORD))
			.contentType("application/json")
			.content("{\"text\": \"Not mine\", \"version\": 1}")).andExpect(status().isForbidden());
		mvc.perform(put(url).with(httpBasic("disc-ccg-01a", PASSWORD))
			.contentType("application/json")
			.content("{\"text\": \"Stale\", \"version\": 0}")).andExpect(status().isConflict());
		mvc.perform(put(url).with(httpBasic("disc-ccg-01a", PASSWORD))
			.contentType("application/json")
			.content("{\"text\": \"\", \"version\": 1}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.text").value("Enter a comment"));
		DiscussionComment draft = as(users, "disc-ccg-01a", () -> discussions.comment(thread.id(),
				new DiscussionReply("Draft by the API", false, null, null)));
		String publish = "/api/v1/outcomes/discussions/" + thread.id() + "/comments/" + draft.id() + "/publish";
		mvc.perform(get("/api/v1/outcomes/discussions/" + thread.id()).with(httpBasic("disc-ccg-01b", PASSWORD)))
			.andExpect(jsonPath("$.comments.length()").value(1));
		mvc.perform(post(publish).param("version", "0").with(httpBasic("disc-ccg-01b", PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post(publish).param("version", "0").with(httpBasic("disc-ccg-01a", PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.published").value(true));
		mvc.perform(get("/api/v1/outcomes/discussions/" + thread.id()).with(httpBasic("disc-ccg-01b", PASSWORD)))
			.andExpect(jsonPath("$.comments.length()").value(2))
			.andExpect(jsonPath("$.comments[1].text").value("Draft by the API"));
		mvc.perform(post(publish).param("version", "0").with(httpBasic("disc-ccg-01a", PASSWORD)))
			.andExpect(status().isConflict());
	}

	private Discussion start(String user, String text, boolean published) {
		return as(users, user, () -> discussions.start(new DiscussionStart("01A", INDICATOR, null, "01B", "Thread",
				text, published, null)));
	}

	private long firstComment(Discussion thread) {
		return as(users, "disc-national", () -> discussions.get(thread.id())).comments().get(0).id();
	}

	private List<String> texts(String user, Discussion thread) {
		return as(users, user, () -> discussions.get(thread.id())).comments().stream().map(DiscussionComment::text).toList();
	}

	/** Mention notices only: a peer is also told, once, that a discussion was started with it. */
	private long notices(String recipient) {
		return jdbc.sql("select count(*) from notification_notice where recipient = ? and title like 'You were mentioned%'")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	private Cookie session(String username) throws Exception {
		return mvc.perform(formLogin().user(username).password(PASSWORD)).andReturn().getResponse().getCookie("SESSION");
	}
}

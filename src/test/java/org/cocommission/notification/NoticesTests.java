package org.cocommission.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.NoSuchElementException;

import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Notices and the outbox pages and API, in an application with no mail server configured. */
@SpringBootTest
@AutoConfigureMockMvc
class NoticesTests {

	private final MockMvc mvc;

	private final Notifications notifications;

	private final UserAccounts accounts;

	private final UserDetailsService userDetails;

	private final JdbcClient jdbc;

	@Autowired
	NoticesTests(MockMvc mvc, Notifications notifications, UserAccounts accounts, UserDetailsService userDetails,
			JdbcClient jdbc) {
		this.mvc = mvc;
		this.notifications = notifications;
		this.accounts = accounts;
		this.userDetails = userDetails;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void users() {
		jdbc.sql("insert into directory_organisation (code, type, name) values ('NTC1', 'CCG', 'Notices test CCG')"
				+ " on conflict do nothing").update();
		account("notice-alice", Role.CCG, "NTC1");
		account("notice-bob", Role.CCG, "NTC1");
		account("notice-national", Role.NATIONAL, "X24");
	}

	@Test
	void userCannotMarkAnotherUsersNoticeRead() throws Exception {
		notifications.notice("notice-alice", "Meeting moved", "The meeting is now on Tuesday.", "/meetings/1");
		long id = latestNoticeOf("notice-alice");

		assertThatThrownBy(() -> notifications.markRead("notice-bob", id)).isInstanceOf(NoSuchElementException.class);
		mvc.perform(post("/api/v1/notices/{id}/read", id).with(as("notice-bob")).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/notices/{id}/read", id).with(as("notice-bob")).with(csrf()))
			.andExpect(status().isNotFound());

		assertThat(notifications.notices("notice-alice", 0, 10).items()).filteredOn(notice -> notice.id() == id)
			.singleElement()
			.satisfies(notice -> assertThat(notice.unread()).isTrue());

		mvc.perform(post("/api/v1/notices/{id}/read", id).with(as("notice-alice")).with(csrf()))
			.andExpect(status().isNoContent());
		assertThat(notifications.notices("notice-alice", 0, 10).items()).filteredOn(notice -> notice.id() == id)
			.singleElement()
			.satisfies(notice -> assertThat(notice.unread()).isFalse());
	}

	@Test
	void listsOwnNoticesNewestFirstAndMarksAllRead() throws Exception {
		notifications.notice("notice-bob", "First", "One", null);
		notifications.notice("notice-bob", "Second", "Two", "https://elsewhere.example/phish");
		notifications.notice("notice-alice", "Not Bob's", "Three", null);

		mvc.perform(get("/api/v1/notices").with(as("notice-bob")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[0].title").value("Second"))
			.andExpect(jsonPath("$.items[1].title").value("First"))
			.andExpect(jsonPath("$.items[0].readAt").doesNotExist());
		mvc.perform(get("/notices").with(as("notice-bob")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have 2 unread notices.")))
			.andExpect(content().string(containsString("Mark all as read")))
			.andExpect(content().string(not(containsString("elsewhere.example"))))
			.andExpect(content().string(not(containsString("Not Bob&#39;s"))));

		mvc.perform(post("/notices/read-all").with(as("notice-bob")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/notices/read-all").with(as("notice-bob")).with(csrf()))
			.andExpect(redirectedUrl("/notices"))
			.andExpect(flash().attribute("message", "Marked 2 notices as read."));

		assertThat(notifications.unreadCount("notice-bob")).isZero();
		assertThat(notifications.unreadCount("notice-alice")).isPositive();
		mvc.perform(post("/api/v1/notices/read-all").with(as("notice-bob")).with(csrf()))
			.andExpect(jsonPath("$.marked").value(0));
	}

	@Test
	void outboxIsForNationalUsersAndSaysNoMailServerIsConfigured() throws Exception {
		notifications.email("someone@nhs.net", "Decision published", "The decision is published.", "outbox-page-1");

		mvc.perform(get("/outbox").with(as("notice-alice"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/outbox").with(as("notice-alice"))).andExpect(status().isForbidden());

		mvc.perform(get("/outbox").param("status", "pending").with(as("notice-national")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No SMTP server is configured")))
			.andExpect(content().string(containsString("Would have been sent")))
			.andExpect(content().string(containsString("Decision published")))
			.andExpect(content().string(containsString("The decision is published.")));
		mvc.perform(get("/api/v1/outbox").param("status", "PENDING").with(as("notice-national")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.subject == 'Decision published')].status").value("PENDING"));
		mvc.perform(get("/api/v1/outbox").param("status", "LOST").with(as("notice-national")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("The status must be one of PENDING, SENT, FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	private long latestNoticeOf(String username) {
		return jdbc.sql("select max(id) from notification_notice where recipient = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	private RequestPostProcessor as(String username) {
		return user(userDetails.loadUserByUsername(username));
	}

	private void account(String username, Role role, String organisation) {
		if (accounts.find(username).isEmpty()) {
			accounts.create(new NewUser(username, "Notices " + username, null, role, organisation,
					"correct horse battery"));
		}
	}
}

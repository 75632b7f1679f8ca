package org.cocommission.identity.accounts;

import org.cocommission.identity.AccessPolicy;
import org.cocommission.identity.CurrentUser;
import org.cocommission.identity.InvalidAccountInputException;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UserView;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The password form on the account page, bound and re-shown with each problem on its field, without a database. */
@WebMvcTest(AccountController.class)
@WithMockUser("alice")
class AccountFormTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserAccounts accounts;

	@MockitoBean
	AccessPolicy policy;

	@BeforeEach
	void signedIn() {
		when(policy.requireUser()).thenReturn(new CurrentUser("alice", "Alice", Role.CCG, "00L"));
		when(accounts.find("alice")).thenReturn(Optional
			.of(new UserView("alice", "Alice", null, Role.CCG, "00L", true, false, Instant.parse("2025-01-01T00:00:00Z"))));
	}

	@Test
	void mismatchedConfirmationIsShownOnItsFieldAndNothingIsChanged() throws Exception {
		mvc.perform(post("/account/password").with(csrf())
			.param("currentPassword", "old password here")
			.param("newPassword", "a new long password")
			.param("confirmPassword", "another password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"#confirmPassword\"")))
			.andExpect(content().string(containsString("id=\"confirmPassword-error\"")))
			.andExpect(content().string(containsString("The new passwords do not match")))
			.andExpect(content().string(containsString("Error: Your account")));
		verify(accounts, never()).changePassword(anyString(), any(), any());
	}

	@Test
	void theServiceRefusalLandsOnTheFieldItNamesAndPasswordsAreNotEchoed() throws Exception {
		doThrow(new InvalidAccountInputException(Map.of("currentPassword", "The current password is not right")))
			.when(accounts)
			.changePassword("alice", "wrong password!", "a new long password");
		mvc.perform(post("/account/password").with(csrf())
			.param("currentPassword", "wrong password!")
			.param("newPassword", "a new long password")
			.param("confirmPassword", "a new long password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"currentPassword-error\"")))
			.andExpect(content().string(containsString("The current password is not right")))
			.andExpect(content().string(not(containsString("wrong password!"))));
	}

	@Test
	void aChangedPasswordRedirectsToTheAccountPage() throws Exception {
		mvc.perform(post("/account/password").with(csrf())
			.param("currentPassword", "old password here")
			.param("newPassword", "a new long password")
			.param("confirmPassword", "a new long password"))
			.andExpect(status().is3xxRedirection());
		verify(accounts).changePassword("alice", "old password here", "a new long password");
	}
}

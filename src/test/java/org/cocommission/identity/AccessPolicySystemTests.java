package org.cocommission.identity;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads open to every signed-in user are open to the application itself acting as the system, never to an anonymous
 * request nor to work with no authentication at all.
 */
@SpringBootTest
class AccessPolicySystemTests {

	private final AccessPolicy access;

	@Autowired
	AccessPolicySystemTests(AccessPolicy access) {
		this.access = access;
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theApplicationActingAsTheSystemMayRead() {
		SecurityContextHolder.clearContext();

		assertThatCode(() -> ActingAs.system(access::requireUserOrSystem)).doesNotThrowAnyException();
	}

	@Test
	void workWithNoAuthenticationAtAllMayNot() {
		SecurityContextHolder.clearContext();

		assertThatThrownBy(access::requireUserOrSystem).isInstanceOf(AccessDeniedException.class)
			.hasMessage("Sign in to see this");
	}

	@Test
	void anAnonymousRequestMayNot() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

		assertThatThrownBy(access::requireUserOrSystem).isInstanceOf(AccessDeniedException.class)
			.hasMessage("Sign in to see this");
		assertThatThrownBy(access::requireUser).isInstanceOf(AccessDeniedException.class);
	}
}

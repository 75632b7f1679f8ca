package org.cocommission.identity.signin;

import org.cocommission.identity.AccessPolicy;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page who is looking, for the layout's menu: worked out once per page from the signed-in account, where
 * each of the menu's security expressions had been evaluated on its own. Pages rendered without a controller (error
 * pages) have no viewer, and the layout asks Spring Security instead.
 */
@ControllerAdvice(annotations = Controller.class)
class ViewerAdvice {

	/** Whether someone is signed in, and whether as a national user. */
	record Viewer(boolean signedIn, boolean national) {
	}

	private final AccessPolicy access;

	ViewerAdvice(AccessPolicy access) {
		this.access = access;
	}

	@ModelAttribute("viewer")
	Viewer viewer() {
		return access.currentUser()
			.map(user -> new Viewer(true, user.isNational()))
			.orElseGet(() -> new Viewer(false, false));
	}
}

package org.cocommission.identity.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.identity.ActingAs;
import org.cocommission.identity.InvalidAccountInputException;
import org.cocommission.identity.NewUser;
import org.cocommission.identity.Role;
import org.cocommission.identity.UserAccounts;
import org.cocommission.identity.UsernameTakenException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With no account at all, opens the national account {@code national} from COCOMMISSION_ADMIN_PASSWORD, so that a new
 * installation can be signed in to. Once any account exists it does nothing, whatever the password says.
 */
@Component
class AdministratorBootstrap {

	static final String USERNAME = "national";

	/** NHS England's ODS code, which the directory's first migration inserts. */
	static final String NHS_ENGLAND = "X24";

	private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final UserAccounts accounts;

	private final String adminPassword;

	AdministratorBootstrap(UserAccounts accounts, @Value("${cocommission.admin-password:}") String adminPassword) {
		this.accounts = accounts;
		this.adminPassword = adminPassword;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	void createAdministratorWhenNoAccountExists() {
		ActingAs.system(this::createWhenNoAccountExists);
	}

	private void createWhenNoAccountExists() {
		if (accounts.anyExist()) {
			return;
		}
		if (adminPassword.isBlank()) {
			log.warn("No user account exists. Set COCOMMISSION_ADMIN_PASSWORD (12 characters or more) and restart"
					+ " to create the national account '{}', or start with COCOMMISSION_DEMO=true for demo users.",
					USERNAME);
			return;
		}
		try {
			accounts.create(new NewUser(USERNAME, "NHS England administrator", null, Role.NATIONAL, NHS_ENGLAND,
					adminPassword));
			log.info("Created the national account '{}' from COCOMMISSION_ADMIN_PASSWORD", USERNAME);
		}
		catch (UsernameTakenException ex) {
			// Another instance starting at the same time on the same database got there first.
			log.info("The national account '{}' was created by another instance", USERNAME);
		}
		catch (InvalidAccountInputException ex) {
			log.error("Could not create the national account '{}' from COCOMMISSION_ADMIN_PASSWORD: {}. No one can"
					+ " sign in until it is fixed and the application restarted.", USERNAME,
					ex.fieldErrors().getOrDefault("password", ex.getMessage()));
		}
	}
}

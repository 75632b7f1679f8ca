package org.cocommission.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** With no account at all, opens the national account {@code national} from COCOMMISSION_ADMIN_PASSWORD. */
@Component
class AdministratorBootstrap {

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
		if (accounts.anyExist()) {
			return;
		}
		if (adminPassword.isBlank()) {
			log.warn("No user account exists. Set COCOMMISSION_ADMIN_PASSWORD (12 characters or more) and restart"
					+ " to create the national account 'national', or start with COCOMMISSION_DEMO=true for demo users.");
			return;
		}
		accounts.create(new NewUser("national", "NHS England administrator", null, Role.NATIONAL, "X24",
				adminPassword));
		log.info("Created the national account 'national'");
	}
}

package org.cocommission.contracts.register;

import org.cocommission.contracts.Payments;
import org.cocommission.contracts.PaymentsImported;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The register follows the payments imported ({@link Payments#feedRegister}): after an import's commit, in the
 * background, so that the import's answer does not wait for it; and at start, for an import the application stopped
 * before taking in. The application runs its module listeners in the committing thread, hence the thread of its own.
 */
@Component
class PaymentsFeedRegister {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PaymentsFeedRegister.class);

	private final Payments payments;

	/** One thread: the feeds run one after another, as the imports were made. */
	private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors
		.newSingleThreadExecutor(work -> {
			Thread thread = new Thread(work, "contracts-register-feed");
			thread.setDaemon(true);
			return thread;
		});

	PaymentsFeedRegister(Payments payments) {
		this.payments = payments;
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		executor.shutdown();
	}

	@ApplicationModuleListener
	void on(PaymentsImported imported) {
		executor.execute(this::feed);
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		feed();
	}

	private void feed() {
		try {
			payments.feedRegister();
		}
		catch (RuntimeException ex) {
			// the import stays recorded as not yet taken in: the next import or start takes it in
			log.error("The register could not be fed from the payments imported", ex);
		}
	}
}

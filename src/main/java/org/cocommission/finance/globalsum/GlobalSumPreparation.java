package org.cocommission.finance.globalsum;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.identity.ActingAs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready (the demo, if any, loaded), works England's global sum pass out in the background,
 * so that the first reader of a CCG's global sum page does not wait seconds for it (the page's target is 300 ms; see
 * docs/benchmarks.md, "Finance: the global sum page"). Off in tests, whose fixtures change the lists at will.
 */
@Component
class GlobalSumPreparation {

	private static final Logger log = LoggerFactory.getLogger(GlobalSumPreparation.class);

	private final GlobalSumPayments payments;

	private final boolean enabled;

	GlobalSumPreparation(GlobalSumPayments payments,
			@Value("${cocommission.finance.prepare-global-sum:true}") boolean enabled) {
		this.payments = payments;
		this.enabled = enabled;
	}

	@EventListener(ApplicationReadyEvent.class)
	void prepareInTheBackground() {
		if (!enabled) {
			return;
		}
		Thread thread = new Thread(this::prepare, "global-sum-preparation");
		thread.setDaemon(true);
		thread.start();
	}

	private void prepare() {
		long started = System.nanoTime();
		try {
			if (ActingAs.system(payments::prepareLatest)) {
				log.info("Worked out England's global sum pass ahead of the first page in {} ms",
						(System.nanoTime() - started) / 1_000_000);
			}
		}
		catch (RuntimeException ex) {
			// The first page then works it out itself, as it would have without this.
			log.warn("Could not work out England's global sum pass ahead of the first page: {}", ex.toString());
		}
	}
}

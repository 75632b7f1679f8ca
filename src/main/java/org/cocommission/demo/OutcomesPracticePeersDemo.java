package org.cocommission.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.directory.Directory;
import org.cocommission.identity.ActingAs;
import org.cocommission.outcomes.PracticePeerGroups;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Practice peer groups for the synthetic demo, through the outcomes module's own computation. The outcomes demo's
 * deprivation import already makes them (with the CCGs'); this computes them when they are missing, such as in a demo
 * database loaded before practice peers existed. They are made from the synthetic lists and deprivation scores.
 */
@Component
@Order(45)
public class OutcomesPracticePeersDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OutcomesPracticePeersDemo.class);

	private final boolean enabled;

	private final Directory directory;

	private final PracticePeerGroups practicePeers;

	OutcomesPracticePeersDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory,
			PracticePeerGroups practicePeers) {
		this.enabled = enabled;
		this.directory = directory;
		this.practicePeers = practicePeers;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (!enabled || !directory.isSynthetic() || practicePeers.hasAny()) {
			return;
		}
		long started = System.nanoTime();
		int practices = practicePeers.recompute();
		log.info("Computed the synthetic demo's practice peer groups: {} practices in {} ms", practices,
				(System.nanoTime() - started) / 1_000_000);
	}
}

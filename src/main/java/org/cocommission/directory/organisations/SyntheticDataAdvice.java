package org.cocommission.directory.organisations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import org.cocommission.directory.Directory;

/**
 * Tells every page whether the directory holds the generated demo dataset, so that the layout can say so. The answer
 * only changes when data is loaded, so it is kept for a short while instead of asked on every request. The
 * directory is looked up lazily so that a controller test slice without it still renders pages.
 */
@ControllerAdvice(annotations = Controller.class)
public class SyntheticDataAdvice {

	private static final Duration KEEP_FOR = Duration.ofSeconds(30);

	private final ObjectProvider<Directory> directory;

	private final Clock clock;

	private volatile Answer answer;

	SyntheticDataAdvice(ObjectProvider<Directory> directory, ObjectProvider<Clock> clock) {
		this.directory = directory;
		this.clock = clock.getIfAvailable(Clock::systemDefaultZone);
	}

	@ModelAttribute("syntheticData")
	boolean syntheticData() {
		Instant now = clock.instant();
		Answer current = answer;
		if (current == null || now.isAfter(current.until())) {
			Directory available = directory.getIfAvailable();
			current = new Answer(available != null && available.isSynthetic(), now.plus(KEEP_FOR));
			answer = current;
		}
		return current.synthetic();
	}

	private record Answer(boolean synthetic, Instant until) {
	}
}

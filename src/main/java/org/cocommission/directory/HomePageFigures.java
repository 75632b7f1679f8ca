package org.cocommission.directory;

import java.time.Duration;
import java.time.LocalDate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The home page's national figures (the summary and today's coverage), kept between visits: computing coverage reads
 * every practice's memberships and list, which under 20 clients made the home page's median 662 ms (issue 18). Forgotten
 * when this instance changes the directory (after the change commits, so no visit can keep the figures from before it)
 * and after {@link #AT_MOST}, so that a change made on another instance shows within that time.
 */
@Component
class HomePageFigures {

	static final Duration AT_MOST = Duration.ofMinutes(5);

	record Figures(NationalSummary summary, Coverage coverage) {
	}

	private final Directory directory;

	private final Cache<LocalDate, Figures> figures = Caffeine.newBuilder().expireAfterWrite(AT_MOST).maximumSize(2).build();

	HomePageFigures(Directory directory) {
		this.directory = directory;
	}

	Figures today() {
		LocalDate today = directory.today();
		return figures.get(today, date -> new Figures(directory.summary(), directory.coverage(date)));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(DirectoryChanged changed) {
		forget();
	}

	/** After any change to the directory that publishes no {@link DirectoryChanged} (marking the demo synthetic). */
	void forget() {
		figures.invalidateAll();
	}
}

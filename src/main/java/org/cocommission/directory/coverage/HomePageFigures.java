package org.cocommission.directory.coverage;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import org.cocommission.directory.Coverage;
import org.cocommission.directory.Directory;
import org.cocommission.directory.DirectoryChanged;
import org.cocommission.directory.NationalSummary;

/**
 * The home page's national figures (the summary and today's coverage), and coverage on the other dates the API and the
 * coverage page are asked for, kept between visits: computing coverage reads every practice's memberships and list,
 * which under 20 clients made the home page's median 662 ms (issue 18). Forgotten when this instance changes the
 * directory (after the change commits) and after {@link #AT_MOST}, so that a change made on another instance shows
 * within that time. Each change starts a new generation, part of every key: figures a visit was working out while the
 * change committed are kept under the old generation and never shown after it.
 */
@Component
public class HomePageFigures {

	public static final Duration AT_MOST = Duration.ofMinutes(5);

	public record Figures(NationalSummary summary, Coverage coverage) {
	}

	private record Key(long generation, LocalDate today) {
	}

	private record CoverageKey(long generation, LocalDate on) {
	}

	/** Coverage on as many dates as a reader of the API or the coverage page may ask for in five minutes. */
	private static final int DATES = 500;

	private final Directory directory;

	private final AtomicLong generation = new AtomicLong();

	private final Cache<Key, Figures> figures = Caffeine.newBuilder().expireAfterWrite(AT_MOST).maximumSize(2).build();

	private final Cache<CoverageKey, Coverage> coverages = Caffeine.newBuilder()
		.expireAfterWrite(AT_MOST)
		.maximumSize(DATES)
		.build();

	HomePageFigures(Directory directory) {
		this.directory = directory;
	}

	public Figures today() {
		Key key = new Key(generation.get(), directory.today());
		return figures.get(key,
				current -> new Figures(directory.summary(), coverage(current.generation(), current.today())));
	}

	/** {@link Directory#coverage(LocalDate)}, kept: the API and the coverage page ask for it on any date. */
	public Coverage coverage(LocalDate on) {
		return coverage(generation.get(), on);
	}

	private Coverage coverage(long current, LocalDate on) {
		return coverages.get(new CoverageKey(current, on), key -> directory.coverage(on));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	public void on(DirectoryChanged changed) {
		forget();
	}

	/** After any change to the directory that publishes no {@link DirectoryChanged} (marking the demo synthetic). */
	public void forget() {
		generation.incrementAndGet();
		figures.invalidateAll();
		coverages.invalidateAll();
	}
}

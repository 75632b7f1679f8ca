package org.cocommission.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.directory.OrganisationSummary;
import org.cocommission.directory.OrganisationType;
import org.cocommission.identity.ActingAs;
import org.cocommission.outcomes.Discussion;
import org.cocommission.outcomes.DiscussionReply;
import org.cocommission.outcomes.DiscussionStart;
import org.cocommission.outcomes.DiscussionThreads;
import org.cocommission.outcomes.Indicator;
import org.cocommission.outcomes.Indicators;
import org.cocommission.outcomes.OutcomesLevel;
import org.cocommission.outcomes.OutcomesValues;
import org.cocommission.outcomes.PeerGroups;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A handful of synthetic peer discussions on the outcomes demo: four CCGs (00K, the README's demo CCG, and three of
 * its peers drawn with a fixed seed) each start a thread with their nearest peer, with the deciles chart captured; the
 * peer replies with a mention and its funnel plot; the CCG keeps an internal note for its area team. One practice
 * starts a thread with another practice of its CCG. Everything goes through the outcomes module's own
 * discussion service, signed in as the demo users, and every title says it is synthetic.
 */
@Component
@Order(43)
public class OutcomesDiscussionDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OutcomesDiscussionDemo.class);

	private static final long SEED = 2014_0401L;

	private static final int CCG_THREADS = 4;

	private final boolean enabled;

	private final Directory directory;

	private final OutcomesValues values;

	private final Indicators indicators;

	private final PeerGroups peers;

	private final DiscussionThreads discussions;

	private final DemoUsers users;

	OutcomesDiscussionDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory,
			OutcomesValues values, Indicators indicators, PeerGroups peers, DiscussionThreads discussions,
			DemoUsers users) {
		this.enabled = enabled;
		this.directory = directory;
		this.values = values;
		this.indicators = indicators;
		this.peers = peers;
		this.discussions = discussions;
		this.users = users;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (!enabled || !directory.isSynthetic() || !values.hasValues() || !peers.hasAny() || discussions.any()) {
			return;
		}
		long started = System.nanoTime();
		Random random = new Random(SEED);
		List<Indicator> ccgIndicators = indicators.all().stream().filter(i -> i.level() == OutcomesLevel.CCG).toList();
		List<Indicator> practiceIndicators = indicators.all()
			.stream()
			.filter(i -> i.level() == OutcomesLevel.PRACTICE)
			.toList();
		List<String> pool = pool();
		int threads = 0;
		for (String ccg : chosen(pool, random)) {
			List<Indicator> choices = ccgIndicators.isEmpty() ? practiceIndicators : ccgIndicators;
			Indicator indicator = choices.get(random.nextInt(choices.size()));
			// Only the first thread captures a spine chart: each reads every indicator's values.
			boolean spine = threads == 0;
			threads += guarded(() -> ccgThread(ccg, peers.peers(ccg).get(0), indicator, spine)) ? 1 : 0;
		}
		if (!practiceIndicators.isEmpty()) {
			Indicator indicator = practiceIndicators.get(random.nextInt(practiceIndicators.size()));
			threads += guarded(() -> practiceThread(indicator, pool)) ? 1 : 0;
		}
		log.info("Demo data: {} synthetic outcomes discussions in {} ms", threads, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * 00K (the README's demo CCG) and its peers when it has some; otherwise every CCG with values. Reading 00K's peer
	 * group is one small query, where listing the CCGs with values scans every value.
	 */
	private List<String> pool() {
		List<String> pool = new ArrayList<>();
		try {
			peers.peers("00K").forEach(peer -> pool.add(peer.ccgCode()));
		}
		catch (NoSuchElementException ex) {
			// 00K is not in this directory, or has no peers: the wider pool below.
		}
		if (!pool.isEmpty()) {
			pool.add(0, "00K");
			return pool;
		}
		return values.ccgsWithValues().stream().map(OutcomesValues.OrgRef::code).sorted().toList();
	}

	/** The pool's first CCG, then others drawn with the seed. */
	private static List<String> chosen(List<String> pool, Random random) {
		List<String> left = new ArrayList<>(pool);
		List<String> chosen = new ArrayList<>();
		if (!left.isEmpty()) {
			chosen.add(left.remove(0));
		}
		while (chosen.size() < CCG_THREADS && !left.isEmpty()) {
			chosen.add(left.remove(random.nextInt(left.size())));
		}
		return chosen;
	}

	private boolean ccgThread(String ccg, PeerGroups.Peer peer, Indicator indicator, boolean spine) {
		String starter = "ccg-" + ccg.toLowerCase(Locale.ROOT);
		String replier = "ccg-" + peer.ccgCode().toLowerCase(Locale.ROOT);
		if (!exists(starter) || !exists(replier)) {
			return false;
		}
		Discussion thread = users.as(starter, () -> discussions.start(new DiscussionStart(ccg, indicator.id(), null, peer.ccgCode(),
				"Synthetic demo: " + indicator.name() + ", " + ccg + " and " + peer.ccgCode(),
				"(Synthetic demo data.) Our line on the deciles chart sits apart from " + peer.name()
						+ "'s. How do you approach this indicator?",
				true, "deciles")));
		users.as(replier, () -> discussions.reply(thread.id(), new DiscussionReply("(Synthetic demo data.) Thanks @" + starter
				+ ". Our position on the funnel plot is attached; happy to share our approach.", true, "funnel", null)));
		String area = directory.parentChain(ccg, directory.today())
			.stream()
			.filter(parent -> parent.type() == OrganisationType.AREA_TEAM)
			.map(OrganisationRef::code)
			.findFirst()
			.map(code -> "area-" + code.toLowerCase(Locale.ROOT))
			.filter(this::exists)
			.orElse(null);
		String note = "(Synthetic demo data.) Internal note, not shared with peers: worth raising at the next"
				+ " quality meeting" + (area == null ? "." : ", @" + area + ".");
		users.as(starter, () -> discussions.reply(thread.id(), new DiscussionReply(note, false, spine ? "spine" : null, null)));
		return true;
	}

	/** Two practices of the pool's first CCG with two demo practices: one starts, the other replies. */
	private boolean practiceThread(Indicator indicator, List<String> pool) {
		for (String ccg : pool) {
			List<String> practices = directory.children(ccg, directory.today())
				.stream()
				.filter(child -> child.type() == OrganisationType.GP_PRACTICE)
				.map(OrganisationSummary::code)
				.sorted()
				.filter(code -> exists(practiceUser(code)))
				.limit(2)
				.toList();
			if (practices.size() < 2) {
				continue;
			}
			String starter = practiceUser(practices.get(0));
			Discussion thread = users.as(starter, () -> discussions.start(new DiscussionStart(practices.get(0), indicator.id(), null,
					practices.get(1), "Synthetic demo: " + indicator.name() + " at " + practices.get(0),
					"(Synthetic demo data.) Where do we sit among the practices of our CCG?", true, "funnel")));
			users.as(practiceUser(practices.get(1)), () -> discussions.reply(thread.id(), new DiscussionReply(
					"(Synthetic demo data.) Close to us, @" + starter + "; see the deciles.", true, "deciles", null)));
			return true;
		}
		return false;
	}

	/** A thread whose chart has no data is left out with a warning rather than stopping start-up. */
	private static boolean guarded(Supplier<Boolean> thread) {
		try {
			return thread.get();
		}
		catch (IllegalArgumentException | NoSuchElementException | IndexOutOfBoundsException ex) {
			log.warn("A synthetic outcomes discussion was left out: {}", ex.getMessage());
			return false;
		}
	}

	private static String practiceUser(String code) {
		return "practice-" + code.toLowerCase(Locale.ROOT);
	}

	private boolean exists(String username) {
		return users.exists(username);
	}
}

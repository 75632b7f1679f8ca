package org.cocommission.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.cocommission.commissioningsupport.ArrangementForm;
import org.cocommission.commissioningsupport.CallOff;
import org.cocommission.commissioningsupport.CallOffForms;
import org.cocommission.commissioningsupport.CallOffs;
import org.cocommission.commissioningsupport.ArrangementMode;
import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.ProviderReviews;
import org.cocommission.commissioningsupport.SupportProvider;
import org.cocommission.directory.Directory;
import org.cocommission.directory.PopulationQueries;
import org.cocommission.governance.Governance;
import org.cocommission.governance.GovernanceRequests;
import org.cocommission.governance.InterestCategory;
import org.cocommission.governance.RegisteredInterests;
import org.cocommission.identity.ActingAs;
import org.cocommission.platform.FinancialYear;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Synthetic commissioning support arrangements for the demo, through the module's API: each CCG buys business
 * intelligence, contracting and IT from a commissioning support unit (procurement from an independent provider for
 * about one in five), makes HR, finance and communications, and shares medicines management with the next CCG. One
 * CCG (00K where the directory has it) ran a call-off for business intelligence: three bids, evaluators from its
 * register of people, one excluded by an interest on its register of interests, awarded a month ago to a new provider
 * (so the standstill has passed and the national view shows the purchase); its call-off for contracting is in progress.
 * Before the call-offs (so the reviews are of the providers bought from then), the last two complete years' reviews
 * and service levels, set-based through {@link ProviderReviews#loadSyntheticDemoReviews}.
 */
@Component
@Order(62)
public class CommissioningSupportDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CommissioningSupportDemo.class);

	private final boolean enabled;

	private final Directory directory;

	private final PopulationQueries populations;

	private final CommissioningSupport support;

	private final CallOffs callOffs;

	private final RegisteredInterests registers;

	private final Governance governance;

	private final ProviderReviews reviews;

	CommissioningSupportDemo(@Value("${cocommission.demo:false}") boolean enabled, Directory directory,
			PopulationQueries populations, CommissioningSupport support, CallOffs callOffs,
			RegisteredInterests registers, Governance governance, ProviderReviews reviews) {
		this.reviews = reviews;
		this.callOffs = callOffs;
		this.registers = registers;
		this.governance = governance;
		this.enabled = enabled;
		this.directory = directory;
		this.populations = populations;
		this.support = support;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		ActingAs.system(this::loadAtStart);
	}

	private void loadAtStart() {
		if (!enabled || !directory.isSynthetic() || !support.allArrangements().isEmpty()) {
			return;
		}
		List<SupportProvider> csus = support.providers().stream().filter(SupportProvider::csu).toList();
		if (csus.isEmpty()) {
			csus = List.of(support.addProvider("Demo Commissioning Support Unit"));
		}
		SupportProvider independent = support.addProvider("Northgate Procurement Partners Ltd");
		List<PopulationQueries.CcgRef> ccgs = populations.ccgs();
		Map<String, SupportProvider> units = supportUnits(
				ccgs.stream().map(PopulationQueries.CcgRef::code).sorted().toList(), csus);
		Map<String, List<ArrangementForm>> arrangements = new LinkedHashMap<>();
		for (int i = 0; i < ccgs.size(); i++) {
			String ccg = ccgs.get(i).code();
			Random random = new Random(ccg.hashCode());
			SupportProvider csu = units.get(ccg);
			LocalDate ends = LocalDate.of(2016 + random.nextInt(2), 3, 31);
			List<ArrangementForm> forms = arrangements.computeIfAbsent(ccg, code -> new ArrayList<>());
			forms.add(bought("BUSINESS_INTELLIGENCE", csu, 150_000 + random.nextInt(250_000), ends));
			forms.add(bought("CONTRACTING", csu, 80_000 + random.nextInt(120_000), ends));
			forms.add(bought("IT", csu, 200_000 + random.nextInt(300_000), ends));
			forms.add(bought("PROCUREMENT", random.nextInt(5) == 0 ? independent : csu, 30_000 + random.nextInt(60_000),
					ends));
			for (String service : List.of("HR", "FINANCE", "COMMUNICATIONS")) {
				forms.add(new ArrangementForm(service, ArrangementMode.MAKE, null, null, null, null));
			}
			if (ccgs.size() > 1) {
				forms.add(new ArrangementForm("MEDICINES_MANAGEMENT", ArrangementMode.SHARE, null,
						ccgs.get((i + 1) % ccgs.size()).code(), BigDecimal.valueOf(40_000 + random.nextInt(40_000)),
						null));
			}
		}
		// In one transaction, the catalogue and the providers read once rather than for each arrangement.
		support.recordAll(arrangements);
		log.info("Recorded the synthetic demo's commissioning support arrangements for {} CCGs", ccgs.size());
		long reviewsStarted = System.nanoTime();
		FinancialYear lastComplete = reviews.currentYear().previous();
		ProviderReviews.DemoReviewsLoaded loaded = reviews
			.loadSyntheticDemoReviews(List.of(lastComplete.previous(), lastComplete));
		log.info("Demo data: commissioning support reviews ({} responses, {} answers, {} service levels, {} quarterly"
				+ " actuals) in {} ms", loaded.responses(), loaded.answers(), loaded.serviceLevels(), loaded.actuals(),
				(System.nanoTime() - reviewsStarted) / 1_000_000);
		long started = System.nanoTime();
		callOffs(ccgs.stream().map(PopulationQueries.CcgRef::code).sorted().toList(), units);
		log.info("Demo data: commissioning support call-offs in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The call-offs of the first CCG (00K if there is one) with at least three people on its register: one awarded a
	 * month ago, one in progress. Through the module's API, as the system.
	 */
	private void callOffs(List<String> ccgs, Map<String, SupportProvider> units) {
		List<String> candidates = new java.util.ArrayList<>(ccgs);
		if (candidates.remove("00K")) {
			candidates.add(0, "00K");
		}
		String ccg = null;
		List<RegisteredInterests.RegisteredPerson> people = List.of();
		for (String candidate : candidates) {
			people = registers.people(candidate);
			if (people.size() >= 4) {
				ccg = candidate;
				break;
			}
		}
		if (ccg == null) {
			return;
		}
		String code = ccg;
		SupportProvider csu = units.get(ccg);
		SupportProvider insight = support.addProvider("Insight Analytics Partners Ltd");
		SupportProvider lakeside = support.addProvider("Lakeside Health Intelligence LLP");
		LocalDate awardedOn = LocalDate.now().minusMonths(1);
		RegisteredInterests.RegisteredPerson first = people.get(0);
		RegisteredInterests.RegisteredPerson second = people.get(1);
		RegisteredInterests.RegisteredPerson conflicted = people.get(2);
		// On the register of interests since 2014: the support unit is the incumbent, and a bidder.
		governance.declare(ccg, conflicted.id(), new GovernanceRequests.NewDeclaration(InterestCategory.INDIRECT,
				"Spouse is head of analytics at " + csu.name(), csu.code(), null, LocalDate.of(2014, 4, 1), null,
				"Excluded from procurement decisions about the support unit"));

		long bi = callOffs.start(ccg, new CallOffForms.Start("BUSINESS_INTELLIGENCE", "Business intelligence support",
				"Monthly dashboards of activity and spend for the governing body, practice-level reports for member"
						+ " practices, and ad hoc analysis within five working days.",
				60, 30, 10))
			.id();
		for (RegisteredInterests.RegisteredPerson person : List.of(first, second, conflicted)) {
			callOffs.addEvaluator(bi, new CallOffForms.Evaluator(null, null, person.id()));
		}
		List<SupportProvider> bidders = List.of(csu, insight, lakeside);
		int[] prices = { 240_000, 185_000, 160_000 };
		for (int i = 0; i < bidders.size(); i++) {
			callOffs.addBid(bi, new CallOffForms.Bid(bidders.get(i).code(), BigDecimal.valueOf(prices[i]),
					"Three years of business intelligence support"));
		}
		// Scores 0 to 5 per criterion (quality, price, delivery) for each bidder, by the two evaluators who count.
		int[][][] scores = { { { 4, 2, 4 }, { 5, 3, 4 }, { 3, 4, 3 } }, { { 3, 2, 4 }, { 4, 3, 4 }, { 3, 4, 2 } } };
		List<RegisteredInterests.RegisteredPerson> scorers = List.of(first, second);
		for (int evaluator = 0; evaluator < 2; evaluator++) {
			List<CallOffForms.Score> sheet = new java.util.ArrayList<>();
			for (int bid = 0; bid < 3; bid++) {
				for (int criterion = 1; criterion <= 3; criterion++) {
					sheet.add(new CallOffForms.Score(scorers.get(evaluator).name(), bidders.get(bid).code(), criterion,
							scores[evaluator][bid][criterion - 1]));
				}
			}
			callOffs.scoreAll(bi, sheet);
		}
		CallOff scored = callOffs.get(bi);
		String winner = scored.evaluation().get(0).providerCode();
		callOffs.awardAsOf(bi, new CallOffForms.Award(winner, LocalDate.of(awardedOn.getYear() + 3, 3, 31)), awardedOn);

		long contracting = callOffs.start(code, new CallOffForms.Start("CONTRACTING",
				"Contracting and contract management support",
				"Contract negotiation and monitoring for the acute and community contracts, with monthly activity"
						+ " challenges.",
				50, 40, 10))
			.id();
		callOffs.addBid(contracting, new CallOffForms.Bid(csu.code(), BigDecimal.valueOf(130_000), null));
		callOffs.addBid(contracting, new CallOffForms.Bid(lakeside.code(), BigDecimal.valueOf(115_000), null));
		callOffs.addEvaluator(contracting, new CallOffForms.Evaluator(null, null, first.id()));
		callOffs.scoreAll(contracting, List.of(new CallOffForms.Score(first.name(), csu.code(), 1, 4),
				new CallOffForms.Score(first.name(), csu.code(), 2, 3), new CallOffForms.Score(first.name(), csu.code(), 3, 4)));
	}

	/**
	 * Each CCG's commissioning support unit: neighbouring CCGs (in code order) share one, about eleven to a unit as in
	 * 2013, but unevenly (a unit's share weighs 2 to 4 by its code, and 1 for about one unit in seven), so that a few
	 * units serve only four or five CCGs and their reviews fall under the comparison's threshold. A smaller demo uses
	 * fewer units, not fewer CCGs to each.
	 */
	static Map<String, SupportProvider> supportUnits(List<String> sortedCcgs, List<SupportProvider> csus) {
		int used = Math.max(1, Math.min(csus.size(), (int) Math.round(sortedCcgs.size() / 11.0)));
		double[] ends = new double[used];
		double total = 0;
		for (int unit = 0; unit < used; unit++) {
			int draw = Math.floorMod(csus.get(unit).code().hashCode(), 7);
			total += draw == 0 ? 1 : 2 + draw % 3;
			ends[unit] = total;
		}
		Map<String, SupportProvider> units = new java.util.LinkedHashMap<>();
		for (int i = 0; i < sortedCcgs.size(); i++) {
			double position = (i + 0.5) * total / sortedCcgs.size();
			int unit = 0;
			while (unit < used - 1 && position >= ends[unit]) {
				unit++;
			}
			units.put(sortedCcgs.get(i), csus.get(unit));
		}
		return units;
	}

	private static ArrangementForm bought(String service, SupportProvider provider, int pounds, LocalDate ends) {
		return new ArrangementForm(service, ArrangementMode.BUY, provider.code(), null, BigDecimal.valueOf(pounds), ends);
	}
}

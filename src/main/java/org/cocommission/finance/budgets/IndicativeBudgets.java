package org.cocommission.finance.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cocommission.finance.Programme;
import org.cocommission.finance.RunView;
import org.cocommission.finance.allocations.AllocationRunStore;
import org.cocommission.finance.allocations.CcgResult;
import org.cocommission.identity.AccessPolicy;
import org.cocommission.outcomes.PeerGroups;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.Money;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Indicative budgets: the allocations of the latest published run per year and programme, seen within the user's
 * scope (national all, an area team its CCGs, a CCG its own), and the population view of spend per head.
 */
@Service
@Transactional(readOnly = true)
public class IndicativeBudgets {

	private final AllocationRunStore store;

	private final AccessPolicy access;

	private final PeerGroups peerGroups;

	IndicativeBudgets(AllocationRunStore store, AccessPolicy access, PeerGroups peerGroups) {
		this.store = store;
		this.access = access;
		this.peerGroups = peerGroups;
	}

	/** The financial years that have published indicative budgets, newest first. */
	public List<FinancialYear> years() {
		access.requireUser();
		return store.publishedYears();
	}

	/** The newest year with published budgets, if any. */
	public Optional<FinancialYear> latestYear() {
		return years().stream().findFirst();
	}

	/** Indicative budgets the signed-in user may see: national all, an area team its CCGs, a CCG its own. */
	public List<IndicativeBudget> visible(FinancialYear year) {
		var user = access.requireUser();
		List<IndicativeBudget> budgets = new ArrayList<>();
		for (Programme programme : Programme.values()) {
			store.publishedRun(year, programme).ifPresent(run -> store.results(run.id())
				.stream()
				.filter(result -> access.canSee(user, result.ccgCode()))
				.forEach(result -> budgets.add(new IndicativeBudget(year, programme, run.id(), run.name(), run.publishedAt(), result))));
		}
		return budgets;
	}

	/** One CCG's published budgets for a year; refused (403) outside the user's scope. */
	public List<IndicativeBudget> of(String ccgCode, FinancialYear year) {
		access.checkCanSee(ccgCode);
		List<IndicativeBudget> budgets = new ArrayList<>();
		for (Programme programme : Programme.values()) {
			store.publishedRun(year, programme).ifPresent(run -> store.results(run.id())
				.stream()
				.filter(result -> result.ccgCode().equals(ccgCode))
				.findFirst()
				.ifPresent(result -> budgets.add(new IndicativeBudget(year, programme, run.id(), run.name(), run.publishedAt(), result))));
		}
		if (budgets.isEmpty()) {
			throw new NoSuchElementException("No indicative budget is published for " + ccgCode + " in " + year);
		}
		return budgets;
	}

	/**
	 * Spend per head for the CCG's population against England and its peers. Specialised services are held
	 * nationally; they are attributed to CCGs by weighted population to show what the population costs.
	 */
	public PopulationView populationView(String ccgCode, FinancialYear year) {
		access.checkCanSee(ccgCode);
		Optional<RunView> coreRun = store.publishedRun(year, Programme.CORE_CCG);
		Optional<RunView> primaryRun = store.publishedRun(year, Programme.PRIMARY_CARE_MEDICAL);
		RunView reference = coreRun.or(() -> primaryRun)
			.orElseThrow(() -> new NoSuchElementException("No indicative budget is published for " + year));
		List<CcgResult> referenceResults = store.results(reference.id());
		CcgResult own = referenceResults.stream()
			.filter(r -> r.ccgCode().equals(ccgCode))
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("No indicative budget is published for " + ccgCode + " in " + year));
		List<CcgResult> outcomesPeers = outcomesPeers(ccgCode, referenceResults);
		boolean fromOutcomes = !outcomesPeers.isEmpty();
		List<CcgResult> peers = fromOutcomes ? outcomesPeers : PeerCcgs.of(own, referenceResults);
		Set<String> peerCodes = peers.stream().map(CcgResult::ccgCode).collect(Collectors.toSet());
		List<PopulationView.Line> lines = new ArrayList<>();
		lines.add(line("Primary care medical", primaryRun.map(run -> store.results(run.id())).orElse(null), ccgCode,
				peerCodes, null));
		lines.add(line("Local hospital and community services (core CCG)",
				coreRun.map(run -> store.results(run.id())).orElse(null), ccgCode, peerCodes, null));
		lines.add(line("Specialised services (held nationally)", referenceResults, ccgCode, peerCodes,
				reference.specialisedEnvelope()));
		return new PopulationView(ccgCode, own.ccgName(), year, lines, PopulationView.Peer.of(own),
				peers.stream().map(PopulationView.Peer::of).toList(),
				fromOutcomes ? OUTCOMES_PEERS_DEFINITION : PeerCcgs.DEFINITION);
	}

	static final String OUTCOMES_PEERS_DEFINITION = "Peer CCGs are this CCG's most similar CCGs as computed by the"
			+ " outcomes indicators (statistical neighbours on registered list size, age structure and, where loaded,"
			+ " deprivation and rurality), nearest first, among the CCGs in this allocation run.";

	/**
	 * The outcomes capability's peer group of the CCG, in its order, as results of this run; empty when it has computed
	 * none for the CCG, and finance's interim {@link PeerCcgs} are used instead.
	 */
	private List<CcgResult> outcomesPeers(String ccgCode, List<CcgResult> results) {
		// peersOrEmpty never throws, so it joins this read's transaction without marking it rollback-only.
		List<PeerGroups.Peer> group = peerGroups.peersOrEmpty(ccgCode);
		var byCode = results.stream().collect(Collectors.toMap(CcgResult::ccgCode, Function.identity()));
		return group.stream().map(peer -> byCode.get(peer.ccgCode())).filter(java.util.Objects::nonNull).toList();
	}

	/** Per head of registered population; with {@code attributed}, that amount shared by weighted population instead. */
	private static PopulationView.Line line(String service, List<CcgResult> results, String ccgCode, Set<String> peers,
			Money attributed) {
		if (results == null) {
			return new PopulationView.Line(service, null, null, null);
		}
		BigDecimal totalWeighted = results.stream()
			.map(CcgResult::weightedPopulation)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		Function<CcgResult, BigDecimal> amount = attributed == null ? r -> r.allocation().pounds()
				: r -> attributed.pounds().multiply(r.weightedPopulation()).divide(totalWeighted, 10, RoundingMode.HALF_UP);
		return new PopulationView.Line(service,
				perHead(results.stream().filter(r -> r.ccgCode().equals(ccgCode)).toList(), amount),
				perHead(results, amount),
				perHead(results.stream().filter(r -> peers.contains(r.ccgCode())).toList(), amount));
	}

	/**
	 * Sum of amounts over sum of people, never the mean of the CCGs' per-head figures (docs/domain-rules.md#finance).
	 */
	private static Money perHead(List<CcgResult> results, Function<CcgResult, BigDecimal> amount) {
		long people = results.stream().mapToLong(CcgResult::rawPopulation).sum();
		if (people == 0) {
			return null;
		}
		BigDecimal total = results.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Money(total.divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP));
	}
}

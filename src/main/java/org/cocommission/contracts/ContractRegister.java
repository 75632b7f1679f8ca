package org.cocommission.contracts;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.cocommission.contracts.cases.CaseStore;
import org.cocommission.contracts.register.RegisterStore;
import org.cocommission.directory.Directory;
import org.cocommission.directory.OrganisationRef;
import org.cocommission.platform.InvalidInputException;
import org.cocommission.platform.PageOf;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The national register of GP contracts: a practice's contract with its history, and the register searched. */
@Service
@Transactional(readOnly = true)
public class ContractRegister {

	private final RegisterStore store;

	private final ContractsAccess access;

	private final Directory directory;

	private final Commissioners commissioners;

	private final ApplicationEventPublisher events;

	private final CaseStore cases;

	ContractRegister(RegisterStore store, ContractsAccess access, Directory directory, Commissioners commissioners,
			ApplicationEventPublisher events, CaseStore cases) {
		this.cases = cases;
		this.store = store;
		this.access = access;
		this.directory = directory;
		this.commissioners = commissioners;
		this.events = events;
	}

	/** The practice's contract, if the viewer may see the practice (else 403) and the register has one. */
	public Optional<Contract> find(String practiceCode) {
		access.checkCanSee(practiceCode);
		return store.find(practiceCode).map(this::contract);
	}

	public Contract get(String practiceCode) {
		return find(practiceCode).orElseThrow(() -> new NoSuchElementException("No contract for " + practiceCode));
	}

	private Contract contract(RegisterStore.Row row) {
		String code = row.practiceCode();
		String name = directory.refs(List.of(code)).values().stream().map(OrganisationRef::name).findFirst().orElse(null);
		return new Contract(code, name, row.contractType(), row.contractorKind(), row.startDate(), row.endDate(),
				new Contract.Services(row.essential(), row.additional(), row.enhanced()), row.listSize(),
				row.dispensing(), row.premises(), row.version(), store.parties(code), store.history(code),
				commissioners.on(code, directory.today()),
				cases.ofPractice(code).stream().filter(open -> open.status().isOpen()).toList());
	}

	public PageOf<ContractSummary> search(RegisterFilter filter, int page, int size) {
		PageOf.check(page, size, 500);
		Set<String> practices = scope(filter);
		LocalDate endBy = endBy(filter);
		String code = filter.practice() == null || filter.practice().isBlank() ? null
				: filter.practice().trim().toUpperCase();
		long total = store.count(practices, filter.type(), endBy, code);
		List<RegisterStore.Row> rows = store.search(practices, filter.type(), endBy, code, size, (long) page * size);
		return new PageOf<>(summaries(rows), page, size, total);
	}

	/** Every contract the filter finds, for export. */
	public List<ContractSummary> export(RegisterFilter filter) {
		return summaries(store.search(scope(filter), filter.type(), endBy(filter),
				filter.practice() == null || filter.practice().isBlank() ? null : filter.practice().trim().toUpperCase(),
				100_000, 0));
	}

	private LocalDate endBy(RegisterFilter filter) {
		if (filter.endingWithinMonths() == null) {
			return null;
		}
		if (filter.endingWithinMonths() < 0 || filter.endingWithinMonths() > 120) {
			throw new InvalidInputException("endingWithinMonths", "Enter a number of months from 0 to 120");
		}
		return directory.today().plusMonths(filter.endingWithinMonths());
	}

	/** The viewer's practices, narrowed to the CCG's when the filter names one. */
	private Set<String> scope(RegisterFilter filter) {
		Set<String> visible = access.visiblePractices();
		if (filter.ccg() == null || filter.ccg().isBlank()) {
			return visible;
		}
		Set<String> ofCcg = access.practicesOf(filter.ccg().trim().toUpperCase(), directory.today(), new HashSet<>());
		if (visible != null) {
			ofCcg.retainAll(visible);
		}
		return ofCcg;
	}

	private List<ContractSummary> summaries(List<RegisterStore.Row> rows) {
		Map<String, OrganisationRef> names = directory.refs(rows.stream().map(RegisterStore.Row::practiceCode).toList());
		return rows.stream()
			.map(row -> new ContractSummary(row.practiceCode(),
					names.containsKey(row.practiceCode()) ? names.get(row.practiceCode()).name() : null,
					row.contractType(), row.contractorKind(), row.startDate(), row.endDate(), row.listSize(),
					row.dispensing()))
			.toList();
	}

	/**
	 * Records a change to a contract's details, effective from a date, in its history. Refuses an APMS contract with
	 * no end date (APMS is time-limited) and an end before the start.
	 */
	@Transactional
	public Contract amend(String practiceCode, ContractAmendment change) {
		access.checkCanChange(practiceCode);
		RegisterStore.Row before = store.find(practiceCode)
			.orElseThrow(() -> new NoSuchElementException("No contract for " + practiceCode));
		if (change.contractType() == ContractType.APMS && change.endDate() == null) {
			throw new InvalidInputException("endDate", "Enter the end date: an APMS contract is time-limited");
		}
		if (change.startDate() != null && change.endDate() != null && change.endDate().isBefore(change.startDate())) {
			throw new InvalidInputException("endDate", "The end date must be on or after the start date");
		}
		if (change.effectiveFrom() == null) {
			throw new InvalidInputException("effectiveFrom", "Enter the date the change takes effect");
		}
		RegisterStore.Row after = new RegisterStore.Row(practiceCode, change.contractType(), change.contractorKind(),
				change.startDate(), change.endDate(), true, change.additional(), change.enhanced(), before.listSize(),
				change.dispensing(), change.premises() == null || change.premises().isBlank() ? null
						: change.premises().trim(), before.typeFromYear(), change.version() + 1);
		if (!store.update(after, change.version())) {
			throw new OptimisticLockingFailureException("The contract of " + practiceCode
					+ " was changed by someone else; reload it and make the change again");
		}
		store.recordHistory(after, change.effectiveFrom(), access.actor(),
				change.reason() == null || change.reason().isBlank() ? "Details amended" : change.reason().trim());
		events.publishEvent(new ContractAmended(practiceCode, before, after));
		return contract(store.find(practiceCode).orElseThrow());
	}

	/** Adds a partner, director or the individual contractor from a date. */
	@Transactional
	public void addParty(String practiceCode, String name, String role, Long personId, LocalDate from) {
		access.checkCanChange(practiceCode);
		if (store.find(practiceCode).isEmpty()) {
			throw new NoSuchElementException("No contract for " + practiceCode);
		}
		if (!Set.of("CONTRACTOR", "PARTNER", "DIRECTOR").contains(role)) {
			throw new InvalidInputException("role", "Choose contractor, partner or director");
		}
		store.addParty(practiceCode, name, role, personId, from);
	}
}

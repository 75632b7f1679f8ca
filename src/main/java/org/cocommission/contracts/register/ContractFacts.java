package org.cocommission.contracts.register;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cocommission.contracts.Contract;
import org.cocommission.contracts.ContractCase;
import org.cocommission.contracts.ContractRegister;
import org.cocommission.directory.OrganisationFacts;
import org.cocommission.identity.AccessPolicy;

import org.springframework.stereotype.Component;

/**
 * A practice's GP contract on its directory page, for those who may see the practice: the type and contractor with
 * its dates, the services, list size and dispensing, the commissioner responsible today and the contract changes still
 * open, with the full record a link away.
 */
@Component
class ContractFacts implements OrganisationFacts {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

	private final ContractRegister register;

	private final AccessPolicy access;

	ContractFacts(ContractRegister register, AccessPolicy access) {
		this.register = register;
		this.access = access;
	}

	@Override
	public Optional<FactSection> factsFor(String organisationCode, LocalDate asAt) {
		if (!access.canSee(organisationCode)) {
			return Optional.empty();
		}
		return register.find(organisationCode).map(contract -> section(contract, asAt));
	}

	private static FactSection section(Contract contract, LocalDate asAt) {
		boolean current = contract.endDate() == null || !asAt.isAfter(contract.endDate());
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("Contract", contract.contractType().label() + " contract; contractor: "
				+ contract.contractorKind().label().toLowerCase(Locale.UK), contract.startDate(), contract.endDate(),
				current));
		facts.add(new Fact("Services", contract.services().label(), null, null, current));
		if (contract.listSize() != null) {
			facts.add(new Fact("List size", NumberFormat.getIntegerInstance(Locale.UK).format(contract.listSize())
					+ " patients", null, null, current));
		}
		facts.add(new Fact("Dispensing", contract.dispensing() ? "Yes" : "No", null, null, current));
		if (contract.commissioner() != null) {
			facts.add(new Fact("Decided by today", contract.commissioner().label(), null, null, true));
		}
		for (ContractCase open : contract.openCases()) {
			facts.add(new Fact("Open: " + open.kind().label(), open.title() + " (" + open.status().label().toLowerCase(
					Locale.UK) + (open.decideBy() == null ? "" : ", to decide by " + open.decideBy().format(DAY)) + ")",
					open.receivedOn(), null, true));
		}
		return new FactSection("GP contract", facts, "/contracts/practices/" + contract.practiceCode(),
				"The contract's full record, history and payments");
	}
}

package org.cocommission.contracts.register;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.cocommission.contracts.Contract;
import org.cocommission.contracts.ContractRegister;
import org.cocommission.contracts.ContractSummary;
import org.cocommission.platform.PageOf;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The contract register for machines, with the same scope as the pages. */
@RestController
@RequestMapping("/api/v1/contracts")
class RegisterApiController {

	private final ContractRegister register;

	RegisterApiController(ContractRegister register) {
		this.register = register;
	}

	@Operation(summary = "A practice's contract with its dated history, partners and open cases")
	@GetMapping("/practices/{code}")
	Contract contract(@PathVariable String code) {
		return register.get(code.toUpperCase());
	}

	@Operation(summary = "Search the register: type (GMS, PMS, APMS, OTHER), ccg, ending within N months, practice code")
	@GetMapping
	PageOf<ContractSummary> search(RegisterParams params, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		return register.search(params.filter(), page, size);
	}

	@GetMapping("/export")
	List<ContractSummary> export(RegisterParams params) {
		return register.export(params.filter());
	}
}

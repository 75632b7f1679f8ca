package org.cocommission.contracts.cases;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.cocommission.contracts.ContractCase;
import org.cocommission.contracts.ContractCases;
import org.cocommission.contracts.ContractDecision;
import org.cocommission.contracts.NewCase;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contract cases for machines: open, move and decide them, their documents, and the public register of decisions. */
@RestController
class CasesApiController {

	private final ContractCases cases;

	CasesApiController(ContractCases cases) {
		this.cases = cases;
	}

	@Operation(summary = "Open a contract change as a case, with its statutory clock")
	@PostMapping("/api/v1/contracts/practices/{code}/cases")
	ResponseEntity<ContractCase> open(@PathVariable String code, @Valid @RequestBody NewCase request) {
		long id = cases.open(code.toUpperCase(), request);
		return ResponseEntity.status(201).body(cases.get(id));
	}

	@GetMapping("/api/v1/contracts/practices/{code}/cases")
	List<ContractCase> ofPractice(@PathVariable String code) {
		return cases.ofPractice(code.toUpperCase());
	}

	@Operation(summary = "Open cases the user may see, the most pressing first, with whether each is overdue")
	@GetMapping("/api/v1/contracts/cases")
	List<ContractCase> open() {
		return cases.open();
	}

	@GetMapping("/api/v1/contracts/cases/{id}")
	ContractCase get(@PathVariable long id) {
		return cases.get(id);
	}

	record Acknowledgement(@NotNull(message = "Reload the case and try again") Integer version,
			@NotNull(message = "Enter the date of the acknowledgement") LocalDate on) {
	}

	@PostMapping("/api/v1/contracts/cases/{id}/acknowledgement")
	ContractCase acknowledge(@PathVariable long id, @Valid @RequestBody Acknowledgement request) {
		cases.acknowledge(id, request.version(), request.on());
		return cases.get(id);
	}

	record AgendaRequest(@NotNull(message = "Reload the case and try again") Integer version,
			@NotNull(message = "Choose the meeting") Long meetingId) {
	}

	@Operation(summary = "Put the case on a CCG committee meeting's agenda (joint or delegated commissioning that day)")
	@PostMapping("/api/v1/contracts/cases/{id}/agenda")
	ContractCase agenda(@PathVariable long id, @Valid @RequestBody AgendaRequest request) {
		cases.placeOnAgenda(id, request.version(), request.meetingId());
		return cases.get(id);
	}

	record DecisionRequest(@NotNull(message = "Reload the case and try again") Integer version,
			@NotNull(message = "Say whether the change is approved") Boolean approved,
			@Size(max = 1000, message = "Decision must be 1000 characters or fewer") String decision,
			@NotNull(message = "Enter the date of the decision") LocalDate decidedOn) {
	}

	@Operation(summary = "Record NHS England's decision (where the CCG held neither joint nor delegated commissioning)")
	@PostMapping("/api/v1/contracts/cases/{id}/decision")
	ContractCase decide(@PathVariable long id, @Valid @RequestBody DecisionRequest request) {
		cases.decide(id, request.version(), request.approved(), request.decision(), request.decidedOn());
		return cases.get(id);
	}

	record Withdrawal(@NotNull(message = "Reload the case and try again") Integer version,
			@Size(max = 1000, message = "Reason must be 1000 characters or fewer") String reason) {
	}

	@PostMapping("/api/v1/contracts/cases/{id}/withdrawal")
	ContractCase withdraw(@PathVariable long id, @Valid @RequestBody Withdrawal request) {
		cases.withdraw(id, request.version(), request.reason());
		return cases.get(id);
	}

	@Operation(summary = "Attach a document: the request body is the file; fileName names it")
	@PostMapping("/api/v1/contracts/cases/{id}/documents")
	Map<String, Long> addDocument(@PathVariable long id, @RequestParam String fileName, HttpServletRequest request)
			throws IOException {
		return Map.of("id", cases.addDocument(id, fileName, request.getContentType(),
				request.getInputStream().readAllBytes()));
	}

	@GetMapping({ "/api/v1/contracts/documents/{documentId}", "/contracts/documents/{documentId}" })
	ResponseEntity<byte[]> document(@PathVariable long documentId) {
		CaseStore.StoredDocument document = cases.document(documentId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
				.filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)
				.build()
				.toString())
			.body(document.content());
	}

	@Operation(summary = "The public register of contract decisions")
	@GetMapping("/api/v1/public/contracts/decisions")
	List<ContractDecision> decisions() {
		return cases.decisions(1000);
	}
}

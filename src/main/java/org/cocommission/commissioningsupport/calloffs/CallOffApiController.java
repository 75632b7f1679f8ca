package org.cocommission.commissioningsupport.calloffs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.cocommission.commissioningsupport.CallOff;
import org.cocommission.commissioningsupport.CallOffForms;
import org.cocommission.commissioningsupport.CallOffs;
import org.cocommission.platform.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Call-off competitions for machines: start, bids, evaluators, scores and the award, each checked for access first. */
@RestController
@RequestMapping("/api/v1/commissioning-support")
class CallOffApiController {

	private final CallOffs callOffs;

	CallOffApiController(CallOffs callOffs) {
		this.callOffs = callOffs;
	}

	@GetMapping("/ccgs/{ccg}/call-offs")
	List<CallOff> forCcg(@PathVariable String ccg) {
		return callOffs.forCcg(ccg);
	}

	@Operation(summary = "Start a call-off competition for a service",
			description = "Body {serviceCode, title, requirements, qualityWeight, priceWeight, deliveryWeight}; the"
					+ " weights add up to 100. The CCG's own users and national users.")
	@PostMapping("/ccgs/{ccg}/call-offs")
	CallOff start(@PathVariable String ccg, @Valid @RequestBody CallOffForms.Start form, BindingResult result) {
		return checked(ccg, result, () -> callOffs.start(ccg, form));
	}

	@GetMapping("/call-offs/{id}")
	CallOff get(@PathVariable long id) {
		return callOffs.get(id);
	}

	@PostMapping("/call-offs/{id}/bids")
	CallOff bid(@PathVariable long id, @Valid @RequestBody CallOffForms.Bid form, BindingResult result) {
		return checked(owner(id), result, () -> callOffs.addBid(id, form));
	}

	@PostMapping("/call-offs/{id}/evaluators")
	CallOff evaluator(@PathVariable long id, @Valid @RequestBody CallOffForms.Evaluator form, BindingResult result) {
		return checked(owner(id), result, () -> callOffs.addEvaluator(id, form));
	}

	@PostMapping("/call-offs/{id}/scores")
	CallOff score(@PathVariable long id, @Valid @RequestBody CallOffForms.Score form, BindingResult result) {
		return checked(owner(id), result, () -> callOffs.score(id, form));
	}

	@Operation(summary = "Award a call-off to a bid evaluated on every criterion",
			description = "Body {providerCode, contractEnd}: the CCG's arrangement for the service becomes a purchase"
					+ " from the provider at its bid's price; a 10-day standstill follows. Audited.")
	@PostMapping("/call-offs/{id}/award")
	CallOff award(@PathVariable long id, @Valid @RequestBody CallOffForms.Award form, BindingResult result) {
		return checked(owner(id), result, () -> callOffs.award(id, form));
	}

	private String owner(long id) {
		return callOffs.owner(id).orElseThrow(() -> new java.util.NoSuchElementException("No call-off " + id));
	}

	/** Access first, then the body's problems, then the work. */
	private CallOff checked(String ccg, BindingResult result, Supplier<CallOff> work) {
		if (!callOffs.canRun(ccg)) {
			throw new AccessDeniedException("Only " + ccg + "'s users and NHS England run its call-offs");
		}
		if (result.hasErrors()) {
			Map<String, String> problems = new LinkedHashMap<>();
			result.getFieldErrors().forEach(error -> problems.putIfAbsent(error.getField(), error.getDefaultMessage()));
			throw new InvalidInputException(problems);
		}
		return work.get();
	}
}

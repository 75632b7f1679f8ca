package org.cocommission.commissioningsupport.reviews;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.cocommission.commissioningsupport.CommissioningSupport;
import org.cocommission.commissioningsupport.ProviderComparison;
import org.cocommission.commissioningsupport.ProviderReviews;
import org.cocommission.commissioningsupport.ReviewForms;
import org.cocommission.commissioningsupport.ServiceLevelView;
import org.cocommission.commissioningsupport.ServiceReview;
import org.cocommission.platform.FinancialYear;
import org.cocommission.platform.InvalidInputException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Provider reviews and service levels for machines, each checked for access before the body is looked at. */
@RestController
@RequestMapping("/api/v1/commissioning-support")
class ReviewApiController {

	private final ProviderReviews reviews;

	private final CommissioningSupport support;

	ReviewApiController(ProviderReviews reviews, CommissioningSupport support) {
		this.reviews = reviews;
		this.support = support;
	}

	@Operation(summary = "A CCG's review of the services it buys, in a financial year (2015-16)",
			description = "Each service bought, the provider under review and the answers given. The CCG's own users.")
	@GetMapping("/ccgs/{ccg}/reviews/{year}")
	List<ServiceReview> review(@PathVariable String ccg, @PathVariable FinancialYear year) {
		return reviews.review(ccg, year);
	}

	@Operation(summary = "Answer a CCG's review of one service it buys",
			description = "Body {accuracy, localKnowledge, timeliness, communication, valueForMoney, overall, comments}:"
					+ " each answer 1 (strongly disagree) to 5 (strongly agree). Answering again replaces. The CCG's own"
					+ " users; audited.")
	@PutMapping("/ccgs/{ccg}/reviews/{year}/{service}")
	ServiceReview answer(@PathVariable String ccg, @PathVariable FinancialYear year, @PathVariable String service,
			@Valid @RequestBody ReviewForms.Answers form, BindingResult result) {
		return checked(() -> reviews.canAnswer(ccg), ccg, result, () -> reviews.answer(ccg, year, service, form));
	}

	@Operation(summary = "The comparison of providers for a financial year",
			description = "Per service and provider: responding CCGs, mean score with 95% interval, share satisfied with"
					+ " Wilson interval (withheld under 5 CCGs), theme means and service-level attainment. NHS England"
					+ " and area teams.")
	@GetMapping("/reviews/{year}/comparison")
	List<ProviderComparison> comparison(@PathVariable FinancialYear year) {
		return reviews.comparison(year);
	}

	@GetMapping("/ccgs/{ccg}/service-levels")
	List<ServiceLevelView> serviceLevels(@PathVariable String ccg) {
		return reviews.serviceLevels(ccg);
	}

	@Operation(summary = "Agree a service level for a service the CCG buys",
			description = "Body {serviceCode, name, targetPercent}: met when the quarter's actual is at or above the target.")
	@PostMapping("/ccgs/{ccg}/service-levels")
	ServiceLevelView addServiceLevel(@PathVariable String ccg, @Valid @RequestBody ReviewForms.ServiceLevel form,
			BindingResult result) {
		return checked(() -> support.canRecord(ccg), ccg, result, () -> reviews.addServiceLevel(ccg, form));
	}

	@Operation(summary = "Record a quarter's actual on a service level",
			description = "Body {serviceLevelId, quarterStart (1 April, July, October or January), actualPercent}.")
	@PostMapping("/ccgs/{ccg}/service-levels/actuals")
	ServiceLevelView recordActual(@PathVariable String ccg, @Valid @RequestBody ReviewForms.Actual form,
			BindingResult result) {
		return checked(() -> support.canRecord(ccg), ccg, result, () -> reviews.recordActual(ccg, form));
	}

	/** Access first, then the body's problems, then the work. */
	private static <T> T checked(BooleanSupplier allowed, String ccg, BindingResult result, Supplier<T> work) {
		if (!allowed.getAsBoolean()) {
			throw new AccessDeniedException("Not allowed for " + ccg);
		}
		if (result.hasErrors()) {
			Map<String, String> problems = new LinkedHashMap<>();
			result.getFieldErrors().forEach(error -> problems.putIfAbsent(error.getField(), error.getDefaultMessage()));
			throw new InvalidInputException(problems);
		}
		return work.get();
	}
}

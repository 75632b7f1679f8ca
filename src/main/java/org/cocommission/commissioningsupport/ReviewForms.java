package org.cocommission.commissioningsupport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** The forms of provider reviews and service levels, each a record bound from a page form or a JSON body. */
public final class ReviewForms {

	private static final String ANSWER = "Choose an answer from strongly disagree to strongly agree";

	private ReviewForms() {
	}

	/** A CCG's answers about one service it buys: one per {@link ReviewQuestion}, 1 to 5, and any comments. */
	public record Answers(@NotNull(message = ANSWER) @Min(value = 1, message = ANSWER) @Max(value = 5, message = ANSWER) Integer accuracy,
			@NotNull(message = ANSWER) @Min(value = 1, message = ANSWER) @Max(value = 5, message = ANSWER) Integer localKnowledge,
			@NotNull(message = ANSWER) @Min(value = 1, message = ANSWER) @Max(value = 5, message = ANSWER) Integer timeliness,
			@NotNull(message = ANSWER) @Min(value = 1, message = ANSWER) @Max(value = 5, message = ANSWER) Integer communication,
			@NotNull(message = ANSWER) @Min(value = 1, message = ANSWER) @Max(value = 5, message = ANSWER) Integer valueForMoney,
			@NotNull(message = ANSWER) @Min(value = 1, message = ANSWER) @Max(value = 5, message = ANSWER) Integer overall,
			@Size(max = 2000, message = "Enter comments of 2,000 characters or fewer") String comments) {

		/** The answers by question. */
		public Map<ReviewQuestion, Integer> scores() {
			Map<ReviewQuestion, Integer> scores = new EnumMap<>(ReviewQuestion.class);
			scores.put(ReviewQuestion.ACCURACY, accuracy);
			scores.put(ReviewQuestion.LOCAL_KNOWLEDGE, localKnowledge);
			scores.put(ReviewQuestion.TIMELINESS, timeliness);
			scores.put(ReviewQuestion.COMMUNICATION, communication);
			scores.put(ReviewQuestion.VALUE_FOR_MONEY, valueForMoney);
			scores.put(ReviewQuestion.OVERALL, overall);
			return scores;
		}

		/** The form holding stored answers (empty when none). */
		public static Answers of(Map<ReviewQuestion, Integer> scores, String comments) {
			return new Answers(scores.get(ReviewQuestion.ACCURACY), scores.get(ReviewQuestion.LOCAL_KNOWLEDGE),
					scores.get(ReviewQuestion.TIMELINESS), scores.get(ReviewQuestion.COMMUNICATION),
					scores.get(ReviewQuestion.VALUE_FOR_MONEY), scores.get(ReviewQuestion.OVERALL), comments);
		}
	}

	/** A service level agreed for a service the CCG buys: a measure in per cent, met at or above its target. */
	public record ServiceLevel(@NotBlank(message = "Choose the service") @Size(max = 40) String serviceCode,
			@NotBlank(message = "Enter what is measured") @Size(max = 200,
					message = "Enter a measure of 200 characters or fewer") String name,
			@NotNull(message = "Enter the target, in per cent") @DecimalMin(value = "0",
					message = "Enter a target from 0 to 100 per cent") @DecimalMax(value = "100",
							message = "Enter a target from 0 to 100 per cent") @Digits(integer = 3, fraction = 1,
									message = "Enter the target to one decimal place at most") BigDecimal targetPercent) {
	}

	/** What the provider achieved on a service level in one quarter (its first day: 1 April, July, October, January). */
	public record Actual(@NotNull(message = "Choose the service level") Long serviceLevelId,
			@NotNull(message = "Choose the quarter") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate quarterStart,
			@NotNull(message = "Enter what was achieved, in per cent") @DecimalMin(value = "0",
					message = "Enter a figure from 0 to 100 per cent") @DecimalMax(value = "100",
							message = "Enter a figure from 0 to 100 per cent") @Digits(integer = 3, fraction = 1,
									message = "Enter the figure to one decimal place at most") BigDecimal actualPercent) {
	}
}

package org.cocommission.outcomes.statistics;

/** The two confidence levels public health analysts report, with the normal quantiles they use (PHE Fingertips). */
public enum ConfidenceLevel {

	/** 95%: z = 1.959964. */
	NINETY_FIVE(0.95, 1.959964),
	/** 99.8%: z = 3.090232. */
	NINETY_NINE_POINT_EIGHT(0.998, 3.090232);

	private final double confidence;

	private final double z;

	ConfidenceLevel(double confidence, double z) {
		this.confidence = confidence;
		this.z = z;
	}

	double confidence() {
		return confidence;
	}

	double z() {
		return z;
	}
}

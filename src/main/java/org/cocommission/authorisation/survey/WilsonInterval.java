package org.cocommission.authorisation.survey;

/**
 * The Wilson score interval for a share, at 95%: for the share of stakeholders agreeing with a survey item. Unlike the
 * plain normal interval it stays within 0 and 1 and is sound for small counts (docs/domain-rules.md).
 */
public record WilsonInterval(double lower, double upper) {

	private static final double Z_95 = 1.959963984540054;

	public static WilsonInterval of(int agreeing, int responses) {
		if (responses <= 0 || agreeing < 0 || agreeing > responses) {
			throw new IllegalArgumentException("Need 0 <= agreeing <= responses and responses > 0");
		}
		double share = (double) agreeing / responses;
		double z2 = Z_95 * Z_95;
		double denominator = 1 + z2 / responses;
		double centre = (share + z2 / (2.0 * responses)) / denominator;
		double half = Z_95 / denominator
				* Math.sqrt(share * (1 - share) / responses + z2 / (4.0 * responses * responses));
		return new WilsonInterval(Math.max(0, centre - half), Math.min(1, centre + half));
	}
}

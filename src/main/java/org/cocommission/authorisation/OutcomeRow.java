package org.cocommission.authorisation;

/**
 * A CCG's published outcome, as the public API gives it: the outcome, how many conditions it came with and whether
 * legal directions apply to any of them.
 */
public record OutcomeRow(String ccgCode, OutcomeKind outcome, int conditions, boolean directions) {
}

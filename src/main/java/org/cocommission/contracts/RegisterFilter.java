package org.cocommission.contracts;

/**
 * What the register is filtered by: contract type, the CCG the practice belongs to today, contracts ending within
 * so many months from today, a practice code or its beginning. Any may be null.
 */
public record RegisterFilter(ContractType type, String ccg, Integer endingWithinMonths, String practice) {

	public static RegisterFilter all() {
		return new RegisterFilter(null, null, null, null);
	}
}

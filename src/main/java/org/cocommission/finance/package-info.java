/** Finance: weighted-capitation allocation formulas, allocation runs and scenarios, indicative budgets and the practice global sum. */
package org.cocommission.finance;

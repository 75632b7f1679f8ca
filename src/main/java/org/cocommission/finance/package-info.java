/** Finance: weighted-capitation allocation formulas, allocation runs and scenarios, indicative budgets and the practice global sum. */
@ApplicationModule(allowedDependencies = { "audit", "directory", "identity", "notification", "outcomes", "platform" })
package org.cocommission.finance;

import org.springframework.modulith.ApplicationModule;

/** GP contracts: the national register of primary medical care contracts, changes to them as cases decided by whoever holds the power on the day, and NHS Digital's payments to general practice imported and benchmarked. */
@ApplicationModule(allowedDependencies = { "audit", "cocommissioning", "directory", "governance", "identity",
		"notification", "platform" })
package org.cocommission.contracts;

import org.springframework.modulith.ApplicationModule;

/** The synthetic national demo dataset, generated deterministically in the NHS's published formats and loaded through the real importers. */
@ApplicationModule(allowedDependencies = { "authorisation", "cocommissioning", "commissioningsupport", "contracts",
		"directory", "finance", "governance", "identity", "outcomes", "platform", "qualitypremium", "workforce" })
package org.cocommission.demo;

import org.springframework.modulith.ApplicationModule;

/** Primary care co-commissioning: rounds, CCG applications for greater involvement, joint or delegated commissioning, their review, the board's decision and go-live. */
@ApplicationModule(allowedDependencies = { "audit", "directory", "governance", "identity", "notification", "platform" })
package org.cocommission.cocommissioning;

import org.springframework.modulith.ApplicationModule;

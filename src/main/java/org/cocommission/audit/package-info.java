/** The append-only audit trail: who changed what, when, with the values before and after. */
@ApplicationModule(allowedDependencies = { "identity", "platform" })
package org.cocommission.audit;

import org.springframework.modulith.ApplicationModule;

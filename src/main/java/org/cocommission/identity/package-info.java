/** Who is using CoCommission: local accounts, roles, organisation scope and the security rules for every page and API call. */
@ApplicationModule(allowedDependencies = { "platform" })
package org.cocommission.identity;

import org.springframework.modulith.ApplicationModule;

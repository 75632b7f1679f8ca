/**
 * Commissioning support: the providers CCGs can buy support from (commissioning support units from the directory, and
 * others entered), the catalogue of services, and each CCG's arrangement for each service (make, buy or share) with
 * its value and end date, the national view of who buys what from whom, and call-off competitions among providers on
 * the framework. The top package is the API.
 */
@ApplicationModule(allowedDependencies = { "audit", "directory", "governance", "identity", "platform" })
package org.cocommission.commissioningsupport;

import org.springframework.modulith.ApplicationModule;

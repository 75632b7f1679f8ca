/**
 * Commissioning support: the providers CCGs can buy support from (commissioning support units from the directory, and
 * others entered), the catalogue of services, and each CCG's arrangement for each service (make, buy or share) with
 * its value and end date, and the national view of who buys what from whom. The top package is the API.
 */
@ApplicationModule(allowedDependencies = { "directory", "identity", "platform" })
package org.cocommission.commissioningsupport;

import org.springframework.modulith.ApplicationModule;

/** The national organisation directory: NHS England, regions, area teams, CCGs, CSUs and GP practices, their dated relationships and registered lists. */
@ApplicationModule(allowedDependencies = { "audit", "identity", "notification", "platform" })
package org.cocommission.directory;

import org.springframework.modulith.ApplicationModule;

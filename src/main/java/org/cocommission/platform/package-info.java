/** Runtime plumbing every capability relies on: the embedded PostgreSQL, cluster-wide job locks and error responses. */
// A shared kernel that needs no other module; every type the others use is in this package, its API.
@ApplicationModule(allowedDependencies = {})
package org.cocommission.platform;

import org.springframework.modulith.ApplicationModule;

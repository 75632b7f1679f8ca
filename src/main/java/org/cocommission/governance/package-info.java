/** Governance and conflicts of interest: registers of interests and gifts, committees, meetings, recusal and quoracy. */
@ApplicationModule(allowedDependencies = { "audit", "directory", "identity", "notification", "platform" })
package org.cocommission.governance;

import org.springframework.modulith.ApplicationModule;

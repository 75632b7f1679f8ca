/** Quality premium: yearly schemes as data, CCG local measures, computed awards with their explanation, and statements. */
@ApplicationModule(allowedDependencies = { "audit", "directory", "identity", "notification", "outcomes", "platform" })
package org.cocommission.qualitypremium;

import org.springframework.modulith.ApplicationModule;

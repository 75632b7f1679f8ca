/**
 * CCG authorisation: the 2012-13 framework as data (domains, criteria, how each is assessed, support levels), waves,
 * each CCG's panel outcome with its conditions, and the conditions followed by quarterly reviews until discharged.
 * Rules in docs/domain-rules.md, "CCG authorisation".
 */
@ApplicationModule(allowedDependencies = { "audit", "directory", "identity", "notification", "platform" })
package org.cocommission.authorisation;

import org.springframework.modulith.ApplicationModule;

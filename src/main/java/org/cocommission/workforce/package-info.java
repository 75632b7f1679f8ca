/**
 * The general practice workforce against its population: NHS Digital's practice-level workforce files and the
 * national hospital and community health services series, imported all or nothing, and measures per practice, CCG and
 * England (FTE per 10,000 patients, patients per GP FTE, share of GPs aged 55 and over), with deciles, trend and the
 * national GP against consultant growth. The top package is the API.
 */
@ApplicationModule(allowedDependencies = { "audit", "contracts", "directory", "identity", "outcomes", "platform" })
package org.cocommission.workforce;

import org.springframework.modulith.ApplicationModule;

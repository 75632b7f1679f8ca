/**
 * The general practice workforce against its population: NHS Digital's practice-level workforce files and the
 * national hospital and community health services series, imported all or nothing, and measures per practice, CCG, ICB
 * and England (FTE per 10,000 registered and weighted patients, patients per GP FTE, skill mix, partners against
 * salaried GPs, share of GPs aged 55 and over), with deciles, peers, trend, the national GP against consultant growth,
 * and CCGs' planning targets. The top package is the API.
 */
@ApplicationModule(allowedDependencies = { "audit", "contracts", "directory", "identity", "outcomes", "platform" })
package org.cocommission.workforce;

import org.springframework.modulith.ApplicationModule;

/** What every page and API call shares: the layout, sign-in page and error responses. */
// No module uses web; it uses only identity's API, so it need not be open.
@ApplicationModule(allowedDependencies = { "identity" })
package org.cocommission.web;

import org.springframework.modulith.ApplicationModule;

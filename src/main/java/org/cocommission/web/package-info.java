/** What every page and API call shares: the layout, sign-in page and error responses. */
// No module uses web; it uses identity's and platform's APIs, so it need not be open.
@ApplicationModule(allowedDependencies = { "identity", "platform" })
package org.cocommission.web;

import org.springframework.modulith.ApplicationModule;

/** What every page and API call shares: the layout, sign-in page and error responses. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cocommission.web;

/** Who is using CoCommission: local accounts, roles, organisation scope and the security rules for every page and API call. */
package org.cocommission.identity;

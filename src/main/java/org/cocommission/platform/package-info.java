/** Runtime plumbing every capability relies on: the embedded PostgreSQL, cluster-wide job locks and error responses. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cocommission.platform;

/** Notices in the application and e-mail through a transactional outbox, for every capability. */
@ApplicationModule(allowedDependencies = { "identity", "platform" })
package org.cocommission.notification;

import org.springframework.modulith.ApplicationModule;

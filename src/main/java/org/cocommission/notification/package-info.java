/** Notices in the application and e-mail through a transactional outbox, for every capability. */
package org.cocommission.notification;

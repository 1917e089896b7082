/** Which categories an account receives on which channel; transactional categories are always on. */
package io.hyperx.notification.preferences;

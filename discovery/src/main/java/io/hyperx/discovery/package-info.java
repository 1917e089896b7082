/** Discovery context: the public creator directory, search, fan feed and trending. */
package io.hyperx.discovery;

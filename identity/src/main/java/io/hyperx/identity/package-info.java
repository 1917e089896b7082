/** Identity context: accounts, credentials, sessions, roles and capabilities, API keys and creator profiles. */
package io.hyperx.identity;

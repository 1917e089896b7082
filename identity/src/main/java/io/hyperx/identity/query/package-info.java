/** Identity's read models, rebuilt from the event log: accounts' non-personal state for other contexts' queries. */
package io.hyperx.identity.query;

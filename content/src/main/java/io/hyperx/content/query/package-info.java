/** Content read models (schema content): posts, products, tiers, memberships and unlocks, and their reads. */
package io.hyperx.content.query;

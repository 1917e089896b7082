/** Content context: posts, products and attachments, access policies, entitlements and download tokens. */
package io.hyperx.content;

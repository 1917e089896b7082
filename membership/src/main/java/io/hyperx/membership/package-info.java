/** Membership context: supporter-creator relationships, loyalty and follows. */
package io.hyperx.membership;

/** Identity's adapters: JWT signing key and codecs (Nimbus), password hashing, TOTP, the bootstrap admin. */
package io.hyperx.identity.infra;

/** Content's adapters: the local-filesystem file storage. */
package io.hyperx.content.infra;

/** The content context's contract: post and product commands and events, their ids and the visibility policy. */
package io.hyperx.content.api;

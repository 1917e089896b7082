/** Content's services: the access decision, pay-per-view and purchases, scheduled publication, Markdown rendering. */
package io.hyperx.content.application;

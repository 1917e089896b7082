/** Content's REST endpoints: creators' posts and products, reading posts with the access decision, purchases. */
package io.hyperx.content.web;

package archfixture.bad.content.api;

import org.springframework.http.HttpStatus;

/** Violates (b): an api record that knows Spring. */
public record PostPublished(String postId, HttpStatus status) {
}

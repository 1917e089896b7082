package io.hyperxtest.probe;

import io.hyperx.identity.api.PublicEndpoint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A JSON endpoint to observe how malformed, invalid and unsupported requests are answered. */
@PublicEndpoint
@RestController
public class EchoController {

    @PostMapping(path = "/test/echo", consumes = "application/json")
    Greeting echo(@Valid @RequestBody Greeting greeting) {
        return greeting;
    }

    public record Greeting(@NotBlank String name) {
    }
}

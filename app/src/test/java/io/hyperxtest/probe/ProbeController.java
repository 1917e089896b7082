package io.hyperxtest.probe;

import io.hyperx.identity.api.PublicEndpoint;
import io.hyperxtest.probe.ProbeMessages.OpenProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** A write through the command bus and the event store, to observe how the API answers when the database fails. */
@PublicEndpoint
@RestController
public class ProbeController {

    private final CommandGateway commands;

    ProbeController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/test/probes")
    ResponseEntity<Map<String, String>> open() {
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new OpenProbe(id));
        return ResponseEntity.created(URI.create("/test/probes/" + id)).body(Map.of("id", id));
    }
}

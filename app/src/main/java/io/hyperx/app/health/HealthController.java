package io.hyperx.app.health;

import io.hyperx.app.database.DatabaseWatch;
import io.hyperx.identity.api.PublicEndpoint;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Public health endpoints: liveness, readiness and the schema invariants. */
@PublicEndpoint
@RestController
@RequestMapping("/health")
class HealthController {

    private final Readiness readiness;
    private final SchemaHealth schemaHealth;
    private final DatabaseWatch database;

    HealthController(Readiness readiness, SchemaHealth schemaHealth, DatabaseWatch database) {
        this.readiness = readiness;
        this.schemaHealth = schemaHealth;
        this.database = database;
    }

    @GetMapping
    Map<String, String> live() {
        return Map.of("status", "UP");
    }

    @GetMapping("/ready")
    ResponseEntity<Map<String, Object>> ready() {
        List<Readiness.Probe> probes = readiness.probes();
        boolean up = probes.stream().allMatch(Readiness.Probe::up);
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", up ? "UP" : "DOWN", "components", probes));
    }

    /** 503 {@code service_unavailable} at once while the database is down, rather than waiting for a connection. */
    @GetMapping("/schema")
    ResponseEntity<Map<String, Object>> schema() {
        DatabaseWatch.Status status = database.status();
        if (!status.up()) {
            throw new DataAccessResourceFailureException("database " + status.detail());
        }
        List<SchemaHealth.Check> checks = schemaHealth.checks();
        boolean passing = checks.stream().allMatch(SchemaHealth.Check::passing);
        return ResponseEntity.status(passing ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("status", passing ? "PASSING" : "FAILING", "checks", checks));
    }
}

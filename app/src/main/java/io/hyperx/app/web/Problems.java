package io.hyperx.app.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Locale;

/** Building problem-details responses with a stable {@code code}. */
final class Problems {

    private Problems() {
    }

    static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code 404} -> {@code not_found}: the status' reason phrase in snake case. */
    static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http_" + status.value() : known.name().toLowerCase(Locale.ROOT);
    }
}

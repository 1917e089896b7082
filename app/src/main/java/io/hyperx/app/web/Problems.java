package io.hyperx.app.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Locale;

/** Building problem-details responses with a stable {@code code}. */
final class Problems {

    static final long RETRY_AFTER_SECONDS = 5;

    private Problems() {
    }

    static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 503 {@code service_unavailable}: a dependency (the database) is down; the client may retry after a moment. */
    static ResponseEntity<ProblemDetail> serviceUnavailable() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "A service this request needs is unavailable; retry later.");
        problem.setProperty("code", "service_unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)).body(problem);
    }

    /** The messages of {@code failure}'s cause chain on one line, for a log without a stack trace. */
    static String causes(Throwable failure) {
        StringBuilder line = new StringBuilder();
        for (Throwable cause = failure; cause != null && line.length() < 2000; cause = cause.getCause()) {
            line.append(line.isEmpty() ? "" : " <- ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return line.toString();
    }

    /** {@code 404} -> {@code not_found}: the status' reason phrase in snake case. */
    static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http_" + status.value() : known.name().toLowerCase(Locale.ROOT);
    }
}

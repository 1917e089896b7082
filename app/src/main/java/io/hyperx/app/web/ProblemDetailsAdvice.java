package io.hyperx.app.web;

import io.hyperx.kernel.DomainException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.util.List;
import java.util.Map;

/**
 * Every error leaves as RFC 9457 problem details with a stable {@code code}; validation problems list the failing
 * fields. A dependency that is down answers 503 with {@code Retry-After}; other unexpected failures answer 500
 * without internals and are logged here.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private static final Map<Class<? extends Exception>, String> CODES = Map.of(
            NoHandlerFoundException.class, "not_found",
            NoResourceFoundException.class, "not_found",
            HttpRequestMethodNotSupportedException.class, "method_not_allowed",
            HttpMediaTypeNotSupportedException.class, "unsupported_media_type",
            HttpMessageNotReadableException.class, "malformed_request",
            MethodArgumentNotValidException.class, "validation_failed");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = ex.getBody();
        problem.setDetail("The request has invalid fields.");
        problem.setProperty("errors", fieldErrors(ex.getFieldErrors()));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return handleExceptionInternal(ex, RequestBodyProblems.describe(ex, status), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", CODES.getOrDefault(ex.getClass(), Problems.codeFor(status)));
        }
        return response;
    }

    /** A domain refusal from any context: its status, code and message, plus its headers (e.g. Retry-After). */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> refused(DomainException ex) {
        ResponseEntity<ProblemDetail> response = Problems.response(HttpStatusCode.valueOf(ex.status()), ex.code(),
                ex.getMessage());
        if (ex.headers().isEmpty()) {
            return response;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(response.getHeaders());
        ex.headers().forEach(headers::set);
        return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException ex) {
        return Problems.response(HttpStatus.NOT_FOUND, "not_found", "No such resource.");
    }

    /** A dependency that is down answers 503 with {@code Retry-After}; anything else unexpected is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (DependencyFailures.isDependencyDown(ex)) {
            log.warn("Request failed, a dependency is unavailable: {}", Problems.causes(ex));
            return Problems.serviceUnavailable();
        }
        log.error("Unhandled error", ex);
        return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "An unexpected error occurred.");
    }

    private static List<Map<String, String>> fieldErrors(List<FieldError> errors) {
        return errors.stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
    }
}

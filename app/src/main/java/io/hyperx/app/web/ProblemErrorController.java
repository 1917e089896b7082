package io.hyperx.app.web;

import io.hyperx.identity.api.PublicEndpoint;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC's handlers (servlet container, filters) are forwarded to {@code /error}; they
 * leave as problem details too, never as a whitelabel page or a stack trace; a dependency that is down as 503 with
 * {@code Retry-After}.
 */
@Hidden
@PublicEndpoint
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DependencyFailures.isDependencyDown(failure)) {
            return Problems.serviceUnavailable();
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return Problems.response(status, Problems.codeFor(status),
                status.is5xxServerError() ? "An unexpected error occurred." : status.getReasonPhrase());
    }
}

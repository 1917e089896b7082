package io.hyperx.identity.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/**
 * 401 and 403 from Spring Security as problem details with a stable {@code code}: {@code unauthenticated},
 * {@code token_expired}, {@code invalid_token}, {@code invalid_api_key}, {@code account_suspended},
 * {@code forbidden}.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String code = codeFor(failure);
        String detail = switch (code) {
            case "token_expired" -> "The access token has expired; refresh it.";
            case "invalid_token" -> "The access token is not valid.";
            case "invalid_api_key" -> "The API key is not valid.";
            case "unauthenticated" -> "Authentication is required.";
            default -> failure.getMessage();
        };
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, code, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden",
                "You lack the capability this request needs.");
    }

    private static String codeFor(AuthenticationException failure) {
        if (failure instanceof CodedAuthenticationException coded) {
            return coded.code();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid && invalid.getErrors().stream()
                    .anyMatch(error -> error.getDescription() != null
                            && error.getDescription().toLowerCase().contains("expired"))) {
                return "token_expired";
            }
        }
        if (failure instanceof InvalidBearerTokenException) {
            return "invalid_token";
        }
        return "unauthenticated";
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
               String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

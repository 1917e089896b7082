package io.hyperx.platform.consistency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The read side of the contract: before an endpoint marked {@link ReadsProjections} runs, the request waits until
 * its processing groups have passed the position it must see: the larger of {@code HyperX-Min-Position} and the
 * caller's own last write ({@link WritePositions}). If they have not within {@code bound}, it answers 503
 * problem+json with {@code Retry-After} instead of a read that would miss the write (a wrong 404).
 */
public final class ReadYourWrites implements HandlerInterceptor {

    public static final String MIN_POSITION_HEADER = "HyperX-Min-Position";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WritePositions writes;
    private final ProjectionProgress progress;
    private final Duration bound;

    public ReadYourWrites(WritePositions writes, ProjectionProgress progress, Duration bound) {
        this.writes = writes;
        this.progress = progress;
        this.bound = bound;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadsProjections reads = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
                ReadsProjections.class);
        if (reads == null) {
            reads = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), ReadsProjections.class);
        }
        if (reads == null) {
            return true;
        }
        OptionalLong asked;
        try {
            asked = minPosition(request);
        } catch (NumberFormatException e) {
            problem(response, 400, "invalid_min_position", "Bad " + MIN_POSITION_HEADER,
                    MIN_POSITION_HEADER + " must be a non-negative integer (a HyperX-Position value).");
            return false;
        }
        OptionalLong own = writes.lastWriteOf(request);
        long position = Math.max(asked.orElse(-1), own.orElse(-1));
        if (position < 0 || progress.await(List.of(reads.value()), position, bound)) {
            return true;
        }
        response.setHeader("Retry-After", "1");
        problem(response, 503, "projection_behind", "Not yet visible",
                "The data this request reads has not caught up with position " + position + " within "
                        + bound.toMillis() + " ms; retry shortly.");
        return false;
    }

    private static OptionalLong minPosition(HttpServletRequest request) {
        String header = request.getHeader(MIN_POSITION_HEADER);
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(header.strip());
        if (value < 0) {
            throw new NumberFormatException(header);
        }
        return OptionalLong.of(value);
    }

    private static void problem(HttpServletResponse response, int status, String code, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        JSON.writeValue(response.getWriter(), body);
    }
}

package io.hyperx.content.application;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Post bodies are stored as written (Markdown) and rendered on output: commonmark to HTML, then the OWASP sanitizer
 * keeps formatting, links (http, https, mailto; rel=nofollow), images (http, https), tables and code; scripts,
 * event handlers, styles and {@code javascript:} URLs are dropped.
 */
@Component
public class MarkdownRenderer {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "del").toFactory());

    public String toSafeHtml(String markdown) {
        return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown == null ? "" : markdown)));
    }
}

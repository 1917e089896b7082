package io.hyperx.content.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersMarkdownAndDropsScriptsHandlersAndJavascriptLinks() {
        String html = renderer.toSafeHtml("""
                # Title

                **bold** [site](https://example.com) [evil](javascript:alert(1))

                <script>alert('x')</script><img src="https://example.com/a.png" onerror="alert(2)">
                """);
        assertThat(html).contains("<h1>Title</h1>", "<strong>bold</strong>", "href=\"https://example.com\"")
                .doesNotContain("<script", "javascript:", "onerror", "alert(2)");
    }
}

package io.hyperx.app.content;

import io.hyperx.app.SharedAppContext;
import io.hyperx.app.content.ContentHttp.Account;
import io.hyperx.app.content.ContentHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Avatar and banner uploads are served to anyone (cacheable, typed, nosniff) and set on the creator profile by file
 * id; product files and other creators' images are neither public nor accepted. Same Spring context configuration as
 * {@link ContentHttpIT}, so the context is shared.
 */
@SharedAppContext
class ProfileImagesIT {

    @LocalServerPort
    int port;

    ContentHttp http;

    @BeforeEach
    void setUp() {
        http = new ContentHttp(port);
    }

    @Test
    void uploadedAvatarsAndBannersAreServedAndSetOnTheProfileByFileId() {
        Account creator = http.register("creator");
        byte[] avatarPng = png(3000);
        Response avatar = http.upload(creator, "avatar", "me.png", avatarPng);
        assertThat(avatar.status()).as(avatar.json().toString()).isEqualTo(201);
        String avatarId = avatar.json().path("id").asText();
        String location = avatar.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/v1/creators/files/" + avatarId);
        Response own = http.get(location, creator);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("purpose").asText()).isEqualTo("AVATAR");
        assertThat(own.json().path("url").asText()).isEqualTo("/api/v1/public/files/" + avatarId);
        assertThat(http.get(location, http.register("creator")).status()).as("someone else's upload").isEqualTo(404);

        HttpResponse<byte[]> image = http.bytes(avatar.json().path("url").asText());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(avatarPng);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(image.headers().firstValue("Cache-Control").orElse(""))
                .contains("public").contains("max-age=31536000").doesNotContain("no-store");

        String bannerId = http.upload(creator, "banner", "wide.png", png(5000)).json().path("id").asText();
        Response saved = http.send("PUT", "/api/v1/creators/profile", creator, Map.of("slug",
                "img-" + UUID.randomUUID().toString().substring(0, 8), "displayName", "Ada", "avatarFileId", avatarId,
                "bannerFileId", bannerId, "published", true));
        assertThat(saved.status()).as(saved.json().toString()).isEqualTo(200);
        assertThat(saved.json().path("avatarFileId").asText()).isEqualTo(avatarId);
        assertThat(saved.json().path("avatarUrl").asText()).isEqualTo("/api/v1/public/files/" + avatarId);
        assertThat(saved.json().path("bannerUrl").asText()).isEqualTo("/api/v1/public/files/" + bannerId);
        Response page = http.get("/api/v1/public/creators/" + saved.json().path("slug").asText(), null);
        assertThat(page.json().path("avatarUrl").asText()).isEqualTo("/api/v1/public/files/" + avatarId);
        assertThat(http.bytes(page.json().path("bannerUrl").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheCreatorsOwnImagesOfTheRightPurposeAreAcceptedOrPublic() {
        Account creator = http.register("creator");
        Account other = http.register("creator");
        String banner = http.upload(creator, "banner", "wide.png", png(2048)).json().path("id").asText();
        String othersAvatar = http.upload(other, "avatar", "them.png", png(2048)).json().path("id").asText();
        byte[] zip = new byte[4096];
        System.arraycopy(new byte[]{'P', 'K', 3, 4}, 0, zip, 0, 4);
        Response productUpload = http.upload(creator, "product", "paid.zip", zip);
        String product = productUpload.json().path("id").asText();
        assertThat(productUpload.json().has("url")).as("a product file has no public URL").isFalse();
        byte[] pdf = "%PDF-1.4 not an image".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Response pdfAvatar = http.upload(creator, "avatar", "cv.pdf", pdf);
        assertThat(pdfAvatar.status()).isEqualTo(415);
        assertThat(pdfAvatar.code()).isEqualTo("unsupported_file_type");

        assertThat(http.bytes("/api/v1/public/files/" + product).statusCode()).as("a product file").isEqualTo(404);
        assertThat(http.bytes("/api/v1/public/files/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(http.bytes("/api/v1/public/files/not-a-uuid").statusCode()).isIn(400, 404);

        for (String wrong : new String[]{banner, othersAvatar, product, UUID.randomUUID().toString()}) {
            Response refused = http.send("PUT", "/api/v1/creators/profile", creator, Map.of("displayName", "Ada",
                    "avatarFileId", wrong));
            assertThat(refused.status()).as(wrong).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("invalid_avatar_file");
        }
    }

    @Test
    void theFileEndpointsAreDocumented() {
        Response docs = http.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").path("/api/v1/public/files/{id}").has("get")).isTrue();
        assertThat(docs.json().path("paths").path("/api/v1/creators/files/{id}").has("get")).isTrue();
    }

    private static byte[] png(int size) {
        byte[] png = new byte[size];
        System.arraycopy(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, png, 0, 8);
        for (int i = 8; i < size; i++) {
            png[i] = (byte) (i * 31);
        }
        return png;
    }
}

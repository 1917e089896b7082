package io.hyperx.content.web;

import io.hyperx.content.application.DownloadTokens;
import io.hyperx.content.application.FileStorage;
import io.hyperx.content.application.Uploads;
import io.hyperx.content.application.Uploads.StoredFile;
import io.hyperx.content.domain.ContentProblem;
import io.hyperx.content.domain.UploadPurpose;
import io.hyperx.content.query.ContentReads;
import io.hyperx.content.query.ContentReads.ProductRow;
import io.hyperx.identity.api.AccountPrincipal;
import io.hyperx.identity.api.Capability;
import io.hyperx.identity.api.PublicEndpoint;
import io.hyperx.identity.api.RequiresCapability;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Uploads (type by magic bytes, size by purpose), their metadata for the uploader, avatar and banner images for
 * everyone, download tokens for purchased files, and downloads.
 */
@RestController
class FileController {

    private static final String HEADER_NOSNIFF = "X-Content-Type-Options";

    private final Uploads uploads;
    private final DownloadTokens tokens;
    private final FileStorage storage;
    private final ContentReads reads;

    FileController(Uploads uploads, DownloadTokens tokens, FileStorage storage, ContentReads reads) {
        this.uploads = uploads;
        this.tokens = tokens;
        this.storage = storage;
        this.reads = reads;
    }

    /** An upload; {@code url} where anyone may fetch it (avatar and banner images only). */
    record FileView(UUID id, UUID ownerId, UploadPurpose purpose, String contentType, long size, String fileName,
                    Instant createdAt, String url) {

        static FileView of(StoredFile file) {
            return new FileView(file.id(), file.ownerId(), file.purpose(), file.contentType(), file.size(),
                    file.fileName(), file.createdAt(), file.publicUrl().orElse(null));
        }
    }

    record DownloadRequest(UUID productId, UUID fileId) {
    }

    record DownloadLink(String token, String url, Instant expiresAt, int maxDownloads) {
    }

    /** Multipart field {@code file}; {@code purpose} is avatar (5 MB), banner (10 MB) or product (2 GB). */
    @PostMapping(path = "/api/v1/creators/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @RequiresCapability(Capability.PRODUCTS_WRITE)
    ResponseEntity<FileView> upload(@AuthenticationPrincipal AccountPrincipal principal,
                                    @RequestParam(defaultValue = "product") String purpose,
                                    @RequestPart("file") MultipartFile file) throws IOException {
        try (InputStream content = file.getInputStream()) {
            StoredFile stored = uploads.upload(principal.accountId().value(), UploadPurpose.of(purpose),
                    file.getOriginalFilename(), file.getSize(), content);
            return ResponseEntity.created(URI.create("/api/v1/creators/files/" + stored.id()))
                    .body(FileView.of(stored));
        }
    }

    /** One of the caller's own uploads (anyone else's is 404). */
    @GetMapping("/api/v1/creators/files/{id}")
    @RequiresCapability(Capability.PRODUCTS_WRITE)
    FileView file(@AuthenticationPrincipal AccountPrincipal principal, @PathVariable UUID id) {
        return uploads.file(id).filter(file -> file.ownerId().equals(principal.accountId().value()))
                .map(FileView::of)
                .orElseThrow(() -> ContentProblem.notFound("file_not_found", "No such file."));
    }

    /**
     * An avatar or banner image, to anyone, cacheable for good (a file id never changes its bytes); every other
     * upload (product files above all) is 404 here.
     */
    @GetMapping("/api/v1/public/files/{id}")
    @PublicEndpoint
    ResponseEntity<Resource> publicImage(@PathVariable UUID id) {
        StoredFile file = uploads.file(id).filter(stored -> stored.publicUrl().isPresent())
                .orElseThrow(() -> ContentProblem.notFound("file_not_found", "No such image."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .header(HEADER_NOSNIFF, "nosniff")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
                .body(new FileSystemResource(storage.locate(id)));
    }

    /** A download link for a file of a product the caller owns (or sells). */
    @PostMapping("/api/v1/fans/downloads")
    @RequiresCapability(Capability.PURCHASES_CREATE)
    ResponseEntity<DownloadLink> link(@AuthenticationPrincipal AccountPrincipal principal,
                                      @RequestBody DownloadRequest request) {
        UUID account = principal.accountId().value();
        ProductRow product = request.productId() == null ? null : reads.product(request.productId()).orElse(null);
        if (product == null || !(product.creatorId().equals(account) || reads.unlocked(account, product.id()))) {
            throw ContentProblem.notFound("product_not_owned", "You do not own this product.");
        }
        if (request.fileId() == null || !product.fileIds().contains(request.fileId())) {
            throw ContentProblem.notFound("file_not_found", "The product has no such file.");
        }
        DownloadTokens.Issued issued = tokens.issue(account, request.fileId());
        String url = "/api/v1/downloads/" + issued.token();
        return ResponseEntity.created(URI.create(url))
                .body(new DownloadLink(issued.token(), url, issued.expiresAt(), issued.maxDownloads()));
    }

    /** Streams the file (the token is the credential); {@code Range} requests answer 206 and do not count. */
    @GetMapping("/api/v1/downloads/{token}")
    @PublicEndpoint
    ResponseEntity<Resource> download(@PathVariable String token,
                                      @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        boolean counts = range == null || range.replace(" ", "").startsWith("bytes=0-");
        UUID fileId = tokens.redeem(token, counts);
        StoredFile file = uploads.file(fileId)
                .orElseThrow(() -> ContentProblem.notFound("download_not_found", "No such download."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName())
                        .build().toString())
                .body(new FileSystemResource(storage.locate(fileId)));
    }
}

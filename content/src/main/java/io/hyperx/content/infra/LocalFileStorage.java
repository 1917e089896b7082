package io.hyperx.content.infra;

import io.hyperx.content.application.FileStorage;
import io.hyperx.kernel.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Files under {@code ${hyperx.database.home}/files}, one per id, written to a temporary file in 64 KB chunks (never
 * the whole file in memory) and moved into place once complete.
 */
@Component
class LocalFileStorage implements FileStorage {

    private final Path root;

    LocalFileStorage(@Value("${hyperx.database.home:.hyperx}") String home) {
        this.root = Path.of(home).resolve("files");
    }

    @Override
    public long store(UUID id, InputStream content, long maxBytes) throws IOException {
        Files.createDirectories(root);
        Path temp = Files.createTempFile(root, "upload-", ".part");
        try {
            long written = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(temp)) {
                int read;
                while ((read = content.read(buffer)) != -1) {
                    written += read;
                    if (written > maxBytes) {
                        throw new DomainException(413, "file_too_large",
                                "The file is larger than " + maxBytes + " bytes.");
                    }
                    out.write(buffer, 0, read);
                }
            }
            Files.move(temp, locate(id), StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Path locate(UUID id) {
        return root.resolve(id.toString());
    }
}

package io.hyperx.content.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

/** Where uploaded bytes live (local filesystem by default; an S3-compatible adapter may follow). */
public interface FileStorage {

    /** Streams {@code content} into the file {@code id}, failing once more than {@code maxBytes} arrived. */
    long store(UUID id, InputStream content, long maxBytes) throws IOException;

    /** The stored file, for streaming (with ranges) to a client. */
    Path locate(UUID id);
}

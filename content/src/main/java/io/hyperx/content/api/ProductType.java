package io.hyperx.content.api;

/** What a product delivers. */
public enum ProductType {
    DOWNLOAD,
    COURSE,
    UNLOCKABLE
}

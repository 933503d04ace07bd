package dev.medic.engine.internal.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 checksums of package archives. */
public final class Checksums {

    private Checksums() {
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return copyHashing(in, OutputStream.nullOutputStream());
        }
    }

    /** Copies a stream and returns the SHA-256 of what was copied, in lower-case hex. */
    public static String copyHashing(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = digest();
        try (DigestInputStream hashing = new DigestInputStream(in, digest)) {
            hashing.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** True when the text is 64 hex digits. */
    public static boolean isSha256(String text) {
        return text != null && text.matches("(?i)[0-9a-f]{64}");
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }
}

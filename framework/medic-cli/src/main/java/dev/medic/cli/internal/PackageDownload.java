package dev.medic.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Downloads a package archive for {@code medic package install URL} into a temporary file.
 */
public final class PackageDownload {

    private static final long MAX_BYTES = 512L * 1024 * 1024;

    private PackageDownload() {
    }

    /** True when the argument is an http or https URL rather than a file. */
    public static boolean isUrl(String argument) {
        return argument.startsWith("http://") || argument.startsWith("https://");
    }

    /** The URL as it may be recorded and shown: without credentials, query or fragment. */
    public static String shown(String url) {
        try {
            URI uri = new URI(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "(an unreadable URL)";
        }
    }

    /** The file name the URL ends in, for messages and for telling jars from zips. */
    public static String fileName(String url) {
        String path = URI.create(url).getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? "package" : name;
    }

    /**
     * Downloads into a new file in a directory.
     *
     * @throws IOException naming the URL (without credentials) and what went wrong
     */
    public static Path download(String url, Path directory) throws IOException {
        OkHttpClient client = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(60))
            .followRedirects(true).followSslRedirects(false).build();
        Files.createDirectories(directory);
        Path target = directory.resolve(fileName(url));
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = client.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("downloading " + shown(url) + " failed: HTTP " + response.code());
            }
            ResponseBody body = response.body();
            if (body.contentLength() > MAX_BYTES) {
                throw new IOException(shown(url) + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            try (InputStream in = body.byteStream()) {
                Files.copy(new BoundedInputStream(in, MAX_BYTES), target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e.getMessage() != null && e.getMessage().contains(shown(url)) ? e
                : new IOException("downloading " + shown(url) + " failed: " + e.getMessage(), e);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        return target;
    }

    /** Stops reading past a size bound, so that an endless response cannot fill the disk. */
    private static final class BoundedInputStream extends InputStream {

        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long bound) {
            this.in = in;
            this.left = bound;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0) {
                left -= read;
                if (left < 0) {
                    throw new IOException("the download is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
                }
            }
            return read;
        }
    }
}

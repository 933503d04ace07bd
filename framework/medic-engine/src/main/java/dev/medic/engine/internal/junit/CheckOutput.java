package dev.medic.engine.internal.junit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Keeps what checks print on {@code System.out} and {@code System.err} out of the runner's own
 * output, such as a JSON report on standard output.
 *
 * <p>JUnit's output capture, which {@link PackageRunner} turns on, records what the test thread
 * prints but still passes everything on to the streams it found, and a check invocation runs on
 * the watchdog's own thread, which JUnit does not capture at all. So while a package's checks run,
 * both streams are replaced by gates that drop what is written. A gate opens when the run ends:
 * if an abandoned launcher later puts back the stream it found (the gate), output passes through.
 */
final class CheckOutput {

    private static final Object LOCK = new Object();
    private static int depth;
    private static Gate out;
    private static Gate err;
    private static PrintStream originalOut;
    private static PrintStream originalErr;

    private CheckOutput() {
    }

    /** Drops what is printed from now on, until the matching {@link #restore()}. */
    static void silence() {
        synchronized (LOCK) {
            if (depth++ == 0) {
                originalOut = System.out;
                originalErr = System.err;
                out = new Gate(originalOut);
                err = new Gate(originalErr);
                System.setOut(new PrintStream(out, true));
                System.setErr(new PrintStream(err, true));
            }
        }
    }

    /** Puts back the streams that {@link #silence()} found, once every caller has restored. */
    static void restore() {
        synchronized (LOCK) {
            if (--depth == 0) {
                out.open = true;
                err.open = true;
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        }
    }

    /** Drops what is written until it is opened, then passes it on. */
    private static final class Gate extends OutputStream {

        private final PrintStream target;
        private volatile boolean open;

        Gate(PrintStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            if (open) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (open) {
                target.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            if (open) {
                target.flush();
            }
        }
    }
}

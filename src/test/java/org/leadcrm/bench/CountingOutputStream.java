package org.leadcrm.bench;

import java.io.OutputStream;

/** Where an export's bytes go in the benchmark: counted and dropped, so that only the export is timed. */
final class CountingOutputStream extends OutputStream {

    private long bytes;

    @Override
    public void write(int b) {
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes += len;
    }

    void add(long more) {
        bytes += more;
    }

    long bytes() {
        return bytes;
    }
}

package org.learnbox.bridge.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ViewOnlyRfbTest {
    private static final byte[] VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SECURITY_NONE = {1};
    private static final byte[] EXCLUSIVE = {0};
    private static final byte[] PIXEL_FORMAT = message(20, 0);
    private static final byte[] ENCODINGS = ByteBuffer.allocate(12).put((byte) 2).put((byte) 0).putShort((short) 2).putInt(16).putInt(-223).array();
    private static final byte[] UPDATE_REQUEST = ByteBuffer.allocate(10).put((byte) 3).put((byte) 1).putShort((short) 0)
            .putShort((short) 0).putShort((short) 1280).putShort((short) 800).array();
    private static final byte[] KEY = ByteBuffer.allocate(8).put((byte) 4).put((byte) 1).putShort((short) 0).putInt(0x61).array();
    private static final byte[] POINTER = ByteBuffer.allocate(6).put((byte) 5).put((byte) 1).putShort((short) 300).putShort((short) 250).array();
    private static final byte[] FENCE = ByteBuffer.allocate(11).put((byte) 248).put(new byte[3]).putInt(0).put((byte) 2).put((byte) 7).put((byte) 8).array();

    @Test
    void theHandshakePassesSharedAndWhatAViewerNeedsToSeePassesWhileKeysPointerAndClipboardAreDropped() throws Exception {
        ViewOnlyRfb filter = new ViewOnlyRfb();
        byte[] in = concat(VERSION, SECURITY_NONE, EXCLUSIVE, PIXEL_FORMAT, ENCODINGS, UPDATE_REQUEST, KEY, POINTER,
                cutText("rm -rf ~"), UPDATE_REQUEST, desktopSize(), FENCE);
        byte[] out = filter.pass(in);
        assertThat(out).isEqualTo(concat(VERSION, SECURITY_NONE, new byte[] {1}, PIXEL_FORMAT, ENCODINGS, UPDATE_REQUEST,
                UPDATE_REQUEST, FENCE));
    }

    @Test
    void messagesSplitAnywhereAcrossChunksAreFilteredTheSame() throws Exception {
        byte[] in = concat(VERSION, SECURITY_NONE, EXCLUSIVE, ENCODINGS, KEY, cutText("a secret the teacher types"), UPDATE_REQUEST, POINTER, FENCE);
        byte[] whole = new ViewOnlyRfb().pass(in);
        for (int size = 1; size <= 7; size++) {
            ViewOnlyRfb filter = new ViewOnlyRfb();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int at = 0; at < in.length; at += size) {
                out.write(filter.pass(java.util.Arrays.copyOfRange(in, at, Math.min(in.length, at + size))));
            }
            assertThat(out.toByteArray()).as("in chunks of " + size).isEqualTo(whole);
        }
        assertThat(whole).isEqualTo(concat(VERSION, SECURITY_NONE, new byte[] {1}, ENCODINGS, UPDATE_REQUEST, FENCE));
    }

    @Test
    void aClipboardDeclaredHugeIsSkippedAsItComesNeverHeldAndAnUnknownMessageEndsTheViewer() throws Exception {
        ViewOnlyRfb filter = new ViewOnlyRfb();
        filter.pass(concat(VERSION, SECURITY_NONE, EXCLUSIVE));
        byte[] header = ByteBuffer.allocate(8).put((byte) 6).put(new byte[3]).putInt(Integer.MAX_VALUE).array();
        assertThat(filter.pass(header)).isEmpty();
        for (int i = 0; i < 64; i++) {
            assertThat(filter.pass(new byte[1 << 16])).isEmpty(); // 4 MiB of it, none kept
        }
        assertThatThrownBy(() -> new ViewOnlyRfb().pass(concat(VERSION, SECURITY_NONE, EXCLUSIVE, new byte[] {(byte) 99, 0, 0})))
                .isInstanceOf(ViewOnlyRfb.NotAViewer.class).hasMessageContaining("99");
    }

    private static byte[] message(int length, int type) {
        byte[] message = new byte[length];
        message[0] = (byte) type;
        return message;
    }

    private static byte[] cutText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(8 + bytes.length).put((byte) 6).put(new byte[3]).putInt(bytes.length).put(bytes).array();
    }

    private static byte[] desktopSize() {
        return ByteBuffer.allocate(24).put((byte) 251).put((byte) 0).putShort((short) 800).putShort((short) 600)
                .put((byte) 1).put((byte) 0).putInt(0).putShort((short) 0).putShort((short) 0).putShort((short) 800)
                .putShort((short) 600).putInt(0).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) all.writeBytes(part);
        return all.toByteArray();
    }
}

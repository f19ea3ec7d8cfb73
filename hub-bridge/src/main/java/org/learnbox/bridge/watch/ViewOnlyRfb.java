package org.learnbox.bridge.watch;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * What a watching viewer may say to a learner's desktop (RFB 3.8, as noVNC speaks it): the handshake
 * (its connection always shared, so the learner's own viewer stays), its pixel format and encodings,
 * requests for updates and the protocol's fences. Keys, the pointer, the clipboard and a new screen
 * size are dropped here, whatever the viewer's page says, so watching never changes the desktop.
 * Bytes come in any chunks; a message split across them waits for its end.
 */
final class ViewOnlyRfb {
    /** A message type that RFB does not define: the viewer is not one, and the connection ends. */
    static final class NotAViewer extends Exception {
        NotAViewer(String message) {
            super(message);
        }
    }

    private enum Stage { VERSION, SECURITY, CLIENT_INIT, MESSAGES }

    private static final int VERSION_LENGTH = 12;
    private static final int MOST_WAITING = 1 << 20;

    private Stage stage = Stage.VERSION;
    private byte[] waiting = new byte[0];
    private long skipping;

    /** The bytes of {@code chunk} (with what waited before it) that go on to the desktop. */
    byte[] pass(byte[] chunk) throws NotAViewer {
        byte[] bytes = concat(waiting, chunk);
        ByteArrayOutputStream passed = new ByteArrayOutputStream();
        int at = 0;
        while (at < bytes.length) {
            if (skipping > 0) { // a dropped message, as its bytes come (a long clipboard is never held)
                int skipped = (int) Math.min(skipping, bytes.length - at);
                at += skipped;
                skipping -= skipped;
                continue;
            }
            long length = lengthAt(bytes, at);
            if (length < 0) break;
            if (stage == Stage.MESSAGES && !passes(bytes[at])) {
                skipping = length;
                continue;
            }
            if (at + length > bytes.length) break;
            if (stage == Stage.CLIENT_INIT) {
                passed.write(1); // shared: the learner's own viewer stays connected
            } else {
                passed.write(bytes, at, (int) length);
            }
            stage = stage == Stage.MESSAGES ? Stage.MESSAGES : Stage.values()[stage.ordinal() + 1];
            at += (int) length;
        }
        waiting = Arrays.copyOfRange(bytes, at, bytes.length);
        if (waiting.length > MOST_WAITING) throw new NotAViewer("a message longer than a viewer sends");
        return passed.toByteArray();
    }

    /** The whole length of the next unit at {@code at}; -1 when more bytes are needed to know it. */
    private long lengthAt(byte[] bytes, int at) throws NotAViewer {
        int left = bytes.length - at;
        if (left <= 0) return -1;
        switch (stage) {
            case VERSION:
                return VERSION_LENGTH;
            case SECURITY:
            case CLIENT_INIT:
                return 1;
            default:
                break;
        }
        int type = bytes[at] & 0xff;
        return switch (type) {
            case 0 -> 20; // SetPixelFormat
            case 2 -> left < 4 ? -1 : 4 + 4 * u16(bytes, at + 2); // SetEncodings
            case 3 -> 10; // FramebufferUpdateRequest
            case 4 -> 8; // KeyEvent
            case 5 -> 6; // PointerEvent
            case 6 -> left < 8 ? -1 : 8 + Math.abs((long) (int) u32(bytes, at + 4)); // ClientCutText (negative: extended)
            case 150 -> 10; // EnableContinuousUpdates
            case 248 -> left < 9 ? -1 : 9 + (bytes[at + 8] & 0xff); // ClientFence
            case 251 -> left < 8 ? -1 : 8 + 16 * (bytes[at + 6] & 0xff); // SetDesktopSize
            case 255 -> 12; // QEMU's extended key event
            default -> throw new NotAViewer("a message RFB does not have: " + type);
        };
    }

    private static boolean passes(byte type) {
        return switch (type & 0xff) {
            case 0, 2, 3, 150, 248 -> true;
            default -> false;
        };
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    private static long u32(byte[] bytes, int at) {
        return (bytes[at] & 0xffL) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | bytes[at + 3] & 0xff;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        if (first.length == 0) return second;
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}

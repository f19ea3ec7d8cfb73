package org.learnbox.bridge.e2e;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client small enough to read: the opening handshake with the Host header the test
 * chooses (the gateway routes by it), one masked text frame out, one text frame back (RFC 6455).
 */
final class WebSocketProbe {
    private WebSocketProbe() {}

    /** Opens ws://127.0.0.1:PORT/PATH as HOST, sends {@code message}, and answers the status line and the reply. */
    static String[] sendAndReceive(int port, String host, String path, String message) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] nonce = new byte[16];
            new SecureRandom().nextBytes(nonce);
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = readLine(in);
            while (!readLine(in).isEmpty()) {
                // the other headers of the handshake
            }
            if (!status.contains(" 101 ")) return new String[] {status, null};
            out.write(maskedTextFrame(message));
            int opcode = in.readUnsignedByte() & 0x0f;
            int length = in.readUnsignedByte() & 0x7f;
            if (length == 126) length = in.readUnsignedShort();
            byte[] payload = in.readNBytes(length);
            return new String[] {status, opcode == 1 ? new String(payload, StandardCharsets.UTF_8) : "opcode " + opcode};
        }
    }

    private static byte[] maskedTextFrame(String message) {
        byte[] payload = message.getBytes(StandardCharsets.UTF_8);
        if (payload.length > 125) throw new IllegalArgumentException("a short message, please");
        byte[] mask = new byte[4];
        new SecureRandom().nextBytes(mask);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81); // FIN, text
        frame.write(0x80 | payload.length); // masked, as every client frame must be
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        return frame.toByteArray();
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) throw new IOException("the connection closed during the handshake: " + line);
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }
}

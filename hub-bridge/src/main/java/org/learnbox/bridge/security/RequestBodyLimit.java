package org.learnbox.bridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.learnbox.bridge.config.Words;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * No request body beyond {@code learnbox.max-request-size} (4 MB) reaches the bridge's pages and
 * APIs, which read bodies whole: a larger one is answered 413, in words, before it is read. Pushes
 * ({@code /git/}) have their own bound (learnbox.git.max-push-size), checked as they stream.
 */
@Component
// After Spring's RequestContextFilter (-105), so the words are in the reader's language; before security (-100).
@Order(-104)
class RequestBodyLimit extends OncePerRequestFilter {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final long most;
    private final Words words;

    RequestBodyLimit(@Value("${learnbox.max-request-size:4MB}") DataSize most, Words words) {
        this.most = most.toBytes();
        this.words = words;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/git/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > most) {
            refuse(request, response);
            return;
        }
        // A body without a stated length is counted as it is read, and ends past the bound.
        chain.doFilter(request.getContentLengthLong() < 0 ? new Bounded(request, most) : request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String said = words.of("request.refused.too-large", DataSize.ofBytes(most).toMegabytes());
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setHeader("Connection", "close");
        boolean api = request.getRequestURI().matches("/(api|admin-api|hub-api)/.*");
        response.setContentType((api ? "application/json" : "text/plain") + ";charset=UTF-8");
        response.getOutputStream().write(api ? JSON.writeValueAsBytes(Map.of("message", said)) : said.getBytes(StandardCharsets.UTF_8));
    }

    /** A request whose body ends, with an IOException that says so, past the bound. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long most;
        private ServletInputStream counted;

        Bounded(HttpServletRequest request, long most) {
            super(request);
            this.most = most;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) counted = new Counted(super.getInputStream(), most);
            return counted;
        }
    }

    private static final class Counted extends ServletInputStream {
        private final ServletInputStream body;
        private final long most;
        private long read;

        Counted(ServletInputStream body, long most) {
            this.body = body;
            this.most = most;
        }

        @Override
        public int read() throws IOException {
            int b = body.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = body.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > most) throw new IOException("the request's body is larger than " + most + " bytes");
        }

        @Override public boolean isFinished() { return body.isFinished(); }
        @Override public boolean isReady() { return body.isReady(); }
        @Override public void setReadListener(ReadListener listener) { body.setReadListener(listener); }
    }
}

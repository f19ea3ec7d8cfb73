package org.learnbox.bridge.config;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whatever a page or an API was doing when the box's own disk ran full (the bridge's data: its
 * database, repositories, snippets) is answered 507 in words, in the reader's language: what was
 * saved before stays, and who can make room. Before Spring's own answers, which would show an error
 * page; a feature's {@link Refusal} keeps its own words. A failure before any controller (signing
 * in reads the database) is sent as 507, whose error page says the same.
 */
@Component
class DiskFullAnswers implements HandlerExceptionResolver, Filter, Ordered {
    private static final Logger log = LoggerFactory.getLogger(DiskFullAnswers.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Words words;
    private final DataDisk disk;

    DiskFullAnswers(Words words, DataDisk disk) {
        this.words = words;
        this.disk = disk;
    }

    /**
     * ENOSPC among the causes, or a failure of the database while the disk has no room (a rollback
     * after it hides the first cause); any other failure (a missing page, a bad form) keeps its answer.
     */
    private boolean diskFull(Exception failure) {
        if (failure instanceof DataDiskFull) return true;
        if (failure instanceof Refusal) return false;
        return DiskFull.isCause(failure) || databaseFailed(failure) && !disk.hasRoom();
    }

    private static boolean databaseFailed(Throwable failure) {
        return Causes.any(failure, t -> t instanceof DataAccessException || t instanceof TransactionException || t instanceof SQLException);
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception error) {
        if (!diskFull(error)) return null; // another refusal has its own words
        log.warn("{} {} refused: the box's disk is full", request.getMethod(), request.getRequestURI(),
                error instanceof DataDiskFull ? null : error); // a failure keeps its cause in the log
        String said = words.of("box.refused.disk-full");
        response.setStatus(HttpStatus.INSUFFICIENT_STORAGE.value());
        if (!request.getRequestURI().matches("/(api|admin-api|hub-api)/.*")) {
            return new ModelAndView("refused", Map.of("title", words.of("box.refused.disk-full.title"), "message", said),
                    HttpStatus.INSUFFICIENT_STORAGE);
        }
        try {
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(JSON.writeValueAsBytes(Map.of("message", said)));
        } catch (IOException gone) {
            throw new UncheckedIOException(gone);
        }
        return new ModelAndView(); // answered
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!diskFull(failure) || response.isCommitted()) throw failure;
            log.warn("{} refused: the box's disk is full", ((HttpServletRequest) request).getRequestURI(), failure);
            ((HttpServletResponse) response).sendError(HttpStatus.INSUFFICIENT_STORAGE.value());
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

package org.learnbox.bridge.app;

/** An app's requests as the gateway reports them: the last one's time (epoch milliseconds) and how many. */
public record AppRequests(long last, long count) {
    AppRequests and(AppRequests more) {
        return new AppRequests(Math.max(last, more.last), count + more.count);
    }
}

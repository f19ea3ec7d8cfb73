package org.learnbox.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Whether an app's port accepts a connection now. */
final class AppPorts {
    private AppPorts() {}

    static Mono<Boolean> open(AppTarget target) {
        return Mono.fromCallable(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(target.uri().getHost(), target.uri().getPort()), 250);
                return true;
            } catch (IOException closed) {
                return false;
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}

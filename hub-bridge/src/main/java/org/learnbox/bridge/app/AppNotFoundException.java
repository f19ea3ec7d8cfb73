package org.learnbox.bridge.app;

import org.springframework.http.HttpStatus;

/** No such app: the gateway answers 404, the API too. */
public class AppNotFoundException extends AppException {
    public AppNotFoundException(String key, Object... arguments) {
        super(HttpStatus.NOT_FOUND, key, arguments);
    }
}

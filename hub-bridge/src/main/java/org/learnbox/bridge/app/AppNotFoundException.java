package org.learnbox.bridge.app;

/** No such app: the gateway answers 404, the API too. */
public class AppNotFoundException extends AppException {
    public AppNotFoundException(String message) {
        super(message);
    }
}

package org.learnbox.bridge.app;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What the app gateway asks the bridge, behind the shared secret. */
@RestController
@RequestMapping("/hub-api/apps")
class AppGatewayApiController {
    record WakeRequest(String host) {}

    /** Where the app answers, and its container: the gateway counts the requests in each. */
    record Target(String target, String container) {}

    private final AppService apps;

    AppGatewayApiController(AppService apps) {
        this.apps = apps;
    }

    @PostMapping("/wake")
    Target wake(@RequestBody WakeRequest request) {
        AppInstance app = apps.wake(request.host());
        return new Target(app.target(), app.instanceId());
    }

    @PostMapping("/activity")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void activity(@RequestBody Map<String, AppRequests> requests) {
        apps.requested(requests);
    }
}

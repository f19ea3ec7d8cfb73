package org.learnbox.bridge.pause;

import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The box script's call before it takes the box down (learnbox pause), behind the shared secret. */
@RestController
class PauseApiController {
    private final BoxPause pause;

    PauseApiController(BoxPause pause) {
        this.pause = pause;
    }

    @PostMapping("/admin-api/pause")
    BoxPause.Paused pause() throws IOException {
        return pause.pause();
    }
}

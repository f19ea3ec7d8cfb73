package org.learnbox.bridge.sandbox;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The machines learners run on, for {@code learnbox machines} (./box status), behind the shared secret. */
@RestController
class MachinesApiController {
    private final SandboxRuntime runtime;

    MachinesApiController(SandboxRuntime runtime) {
        this.runtime = runtime;
    }

    @GetMapping("/admin-api/machines")
    List<Machine> machines() {
        return runtime.machines();
    }
}

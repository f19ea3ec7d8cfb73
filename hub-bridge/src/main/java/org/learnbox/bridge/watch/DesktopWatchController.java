package org.learnbox.bridge.watch;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.learnbox.bridge.classroom.ClassroomService;
import org.learnbox.bridge.config.Refusal;
import org.learnbox.bridge.config.Words;
import org.learnbox.bridge.sandbox.SandboxRuntime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A student's desktop as their teacher watches it: noVNC's page (the student's lab server gives its
 * files to anyone, as Debian does), viewing only, connected to the bridge's {@link DesktopWatchSocket}.
 */
@Controller
class DesktopWatchController {
    static final String SOCKET = "/classes/{id}/students/{student}/desktop/websockify";
    private static final String RFB_SOCKET = "/tmp/learnbox-desktop/rfb";

    private final ClassroomService classrooms;
    private final SandboxRuntime runtime;
    private final Words words;

    DesktopWatchController(ClassroomService classrooms, SandboxRuntime runtime, Words words) {
        this.classrooms = classrooms;
        this.runtime = runtime;
        this.words = words;
    }

    @GetMapping("/classes/{id}/students/{student}/desktop")
    String watch(@PathVariable long id, @PathVariable String student, Principal principal, Model model, HttpServletResponse response) {
        classrooms.desktopToWatch(id, student, principal.getName());
        if (runtime.run(student, List.of("test", "-S", RFB_SOCKET), Duration.ofSeconds(20)).exitCode() != 0) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("message", words.of("watch.desktop.not-open", student));
            return "refused";
        }
        String socket = SOCKET.replace("{id}", Long.toString(id)).replace("{student}", student);
        return "redirect:/user/" + student + "/desktop/vnc.html?autoconnect=true&view_only=true&resize=scale&reconnect=true"
                + "&path=" + URLEncoder.encode(socket, StandardCharsets.UTF_8);
    }

    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("message", words.of(refusal));
        return "refused";
    }
}

package org.learnbox.bridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The learner's desktop (issue 18): windows of Java and Python programs in the browser, and no one else's. */
@ExtendWith(RunningBox.class)
class DesktopE2EIT {
    private final RunningBox box = RunningBox.get();

    @Test
    void inChromiumTheDesktopShowsATurtleDrawingAndASwingWindowWhoseButtonReachesTheCell() throws Exception {
        String password = box.addUser("wren");
        Learner wren = new Learner(box, "wren");
        wren.logInToLab(password);

        // A program opens a window before anyone looks: the desktop starts for it.
        try (KernelSession python = wren.startKernel("python3")) {
            KernelSession.Outcome turtle = python.execute("""
                    import turtle
                    pen = turtle.Turtle()
                    pen.speed(0)
                    for side in range(36):
                        pen.forward(200)
                        pen.left(170)
                    root = turtle.getcanvas().winfo_toplevel()
                    root.title("A turtle's star")
                    root.update()
                    print("shown:", root.winfo_viewable() == 1)
                    """, Duration.ofMinutes(2));
            assertThat(turtle.error()).isNull();
            assertThat(turtle.stdout()).contains("shown: True");
            assertThat(turtle.displayed()).as("the cell says where the window went")
                    .contains("This program's window is on your desktop, which is not open", "/user/wren/desktop/");

            WebDriver browser = Chromium.open();
            try {
                Chromium.logInToLab(browser, box, "wren", password);
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(2));
                By desktopCard = By.xpath("//div[contains(concat(' ', @class, ' '), ' jp-LauncherCard ')][.//*[normalize-space(text())='Desktop']]");
                wait.until(ExpectedConditions.elementToBeClickable(desktopCard));
                String lab = browser.getWindowHandle();
                browser.findElement(desktopCard).click();
                wait.until(driver -> driver.getWindowHandles().size() == 2);
                browser.switchTo().window(browser.getWindowHandles().stream().filter(handle -> !handle.equals(lab)).findFirst().orElseThrow());
                try {
                    wait.until(driver -> driver.getTitle().contains("Desktop of wren"));
                } catch (org.openqa.selenium.TimeoutException notConnected) {
                    throw new AssertionError("the desktop did not connect; the page loaded: " + ((JavascriptExecutor) browser).executeScript(
                            "return performance.getEntriesByType('resource').map(e => e.name + ' ' + e.responseStatus).join('\\n')"), notConnected);
                }
                WebElement screen = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#noVNC_container canvas")));
                // The turtle's white canvas, with the star drawn on it (its window answers its events after the cell).
                wait.until(driver -> lightPixels(driver, screen) > 20_000 && linesOnLight(driver, screen) > 1_000);
                Chromium.screenshot(browser, "desktop-01-turtle.png");

                // A Swing window from a Java cell; a click on its button, through the desktop in the browser, prints in the cell.
                try (KernelSession java = wren.startKernel("java")) {
                    CompletableFuture<KernelSession.Outcome> cell = CompletableFuture.supplyAsync(() -> {
                        try {
                            return java.execute(swingCell(), Duration.ofMinutes(3));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    String where = awaitFile(wren, "button-at.txt", cell);
                    String[] xy = where.strip().split(" ");
                    int x = Integer.parseInt(xy[0]);
                    int y = Integer.parseInt(xy[1]);
                    Chromium.screenshot(browser, "desktop-02-swing.png");
                    long width = ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].width", screen)).longValue();
                    long height = ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].height", screen)).longValue();
                    assertThat(screen.getSize().getWidth()).as("the desktop is the size of the browser's page, pixel for pixel").isEqualTo((int) width);
                    new Actions(browser).moveToElement(screen, x - (int) (width / 2), y - (int) (height / 2)).click().perform();
                    KernelSession.Outcome clicked = cell.get(2, TimeUnit.MINUTES);
                    assertThat(clicked.error()).isNull();
                    assertThat(clicked.stdout()).contains("The button was clicked", "done");
                    assertThat(clicked.displayed()).as("the desktop was open: nothing to say").doesNotContain("your desktop");
                    Chromium.screenshot(browser, "desktop-03-clicked.png");
                }

                // The desktop follows the browser's window: the picture stays pixel for pixel the page's size.
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(1000, 700));
                wait.until(driver -> {
                    java.util.List<?> size = (java.util.List<?>) ((JavascriptExecutor) driver).executeScript(
                            "const c = document.querySelector('#noVNC_container canvas'), box = document.getElementById('noVNC_container');"
                                    + " return [c.width, c.height, box.clientWidth, box.clientHeight];");
                    return size.get(0).equals(size.get(2)) && size.get(1).equals(size.get(3)) && ((Number) size.get(0)).intValue() < 1100;
                });
                KernelSession.Outcome width = python.execute("""
                        import subprocess
                        print(subprocess.run(["python3", "-c", "import tkinter; r = tkinter.Tk(); r.withdraw(); print(r.winfo_screenwidth())"],
                                             capture_output=True, text=True).stdout.strip())
                        """, Duration.ofMinutes(1));
                long canvasWidth = ((Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].width", screen)).longValue();
                assertThat(width.stdout().strip()).as("the X screen's width, as programs see it").isEqualTo(Long.toString(canvasWidth));
                Chromium.screenshot(browser, "desktop-04-resized.png");

                // Text copied in the browser is pasted in the sandbox, and the other way (noVNC's clipboard panel).
                browser.findElement(By.id("noVNC_control_bar_handle")).click(); // the bar at the side opens
                wait.until(ExpectedConditions.elementToBeClickable(By.id("noVNC_clipboard_button"))).click();
                WebElement clipboard = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("noVNC_clipboard_text")));
                clipboard.clear();
                clipboard.sendKeys("Aus dem Browser: Grüße");
                ((JavascriptExecutor) browser).executeScript("arguments[0].blur()", clipboard); // noVNC sends it on change
                awaitPrinted(python, """
                        import tkinter
                        reader = tkinter.Tk(); reader.withdraw()
                        try:
                            print("clipboard:", reader.clipboard_get())
                        except tkinter.TclError as empty:
                            print("clipboard:", empty)
                        reader.destroy()
                        """, "Aus dem Browser: Grüße", "the browser's text reached the sandbox's clipboard");
                assertThat(python.execute("""
                        writer = tkinter.Tk(); writer.withdraw()
                        writer.clipboard_clear(); writer.clipboard_append("Aus der Sandbox: 你好")
                        writer.update()
                        """, Duration.ofMinutes(1)).error()).isNull();
                wait.until(driver -> "Aus der Sandbox: 你好".equals(clipboard.getDomProperty("value")));
                Chromium.screenshot(browser, "desktop-05-clipboard.png");

                // Typing in the browser reaches a program's text field, letters beyond US English's keyboard too.
                browser.findElement(By.id("noVNC_clipboard_button")).click(); // the clipboard panel closes
                assertThat(python.execute("""
                        typing = tkinter.Tk()
                        typing.title("Type here")
                        typing.geometry("420x70+520+40")
                        field = tkinter.Entry(typing, font=("DejaVu Sans", 18))
                        field.pack(fill="both", expand=True)
                        typing.update()
                        """, Duration.ofMinutes(1)).error()).isNull();
                new Actions(browser).moveToElement(screen, 730 - (int) (canvasWidth / 2), 90 - screen.getSize().getHeight() / 2)
                        .click().perform();
                // As a person does: type once the click has given the field the keyboard (the window manager and Tk
                // take it in turn; keys sent in the same millisecond as the click went to the window before).
                awaitPrinted(python, "print('focus:', typing.focus_get() is field)", "focus: True", "the click gave the text field the keyboard");
                new Actions(browser).sendKeys("Grüße, señor! ½").perform();
                awaitPrinted(python, "print('typed:', field.get())", "typed: Grüße, señor! ½", "what was typed reached the text field");
                Chromium.screenshot(browser, "desktop-06-typed.png");
            } finally {
                try {
                    Chromium.screenshot(browser, "desktop-last.png"); // where it ended, failed or not
                } finally {
                    browser.quit();
                }
            }
        }
    }

    @Test
    void anotherLearnerIsRefusedTheDesktopAndTheDisplayListensOnNoPort() throws Exception {
        String owner = box.addUser("pim");
        String other = box.addUser("quin");
        Learner pim = new Learner(box, "pim");
        pim.logInToLab(owner);
        Learner quin = new Learner(box, "quin");
        quin.logInToLab(other);

        HttpResponse<String> own = pim.get("/user/pim/desktop/");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.uri().getPath()).isEqualTo("/user/pim/desktop/vnc.html");
        assertThat(own.body()).contains("noVNC");
        HttpResponse<String> page = quin.get("/user/pim/desktop/");
        assertThat(page.statusCode()).as(page.uri() + " " + page.body()).isEqualTo(403);

        // The viewer's connection: the owner's opens (and starts the desktop), the other's is refused.
        URI socket = URI.create("ws://localhost:" + box.port + "/user/pim/desktop/websockify");
        WebSocket mine = open(pim, socket);
        mine.sendClose(WebSocket.NORMAL_CLOSURE, "seen");
        assertThat(openFails(quin, socket)).as("quin's viewer reaches pim's desktop").isTrue();

        // With the desktop tab closed, a Java cell's window is announced in the cell, with the way to the desktop.
        try (KernelSession java = pim.startKernel("java")) {
            KernelSession.Outcome window = java.execute("""
                    var frame = new javax.swing.JFrame("Left alone");
                    frame.setSize(300, 200);
                    frame.setVisible(true);
                    Thread.sleep(5000); // a program that runs on for a while
                    System.out.println("showing: " + frame.isShowing());
                    """, Duration.ofMinutes(2));
            assertThat(window.error()).isNull();
            assertThat(window.stdout()).contains("showing: true");
            assertThat(window.displayed()).contains("This program's window is on your desktop, which is not open", "/user/pim/desktop/");
        }

        // Xvnc runs, and neither it nor anything of the desktop listens on TCP beyond the sandbox: only the lab's own port does.
        String listening = box.docker("exec", box.sandboxContainer("pim"), "sh", "-c",
                "pgrep -x Xvnc >/dev/null && echo running; cat /proc/net/tcp /proc/net/tcp6 | awk '$4 == \"0A\" && $2 !~ /^([0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]7F|00000000000000000000000001000000):/ {print $2}'").requireSuccess().stdout();
        String programs = box.docker("exec", box.sandboxContainer("pim"), "sh", "-c",
                "for p in /proc/[0-9]*; do ls -l $p/fd 2>/dev/null | grep -q socket && echo $(basename $p) $(tr '\\0' ' ' < $p/cmdline); done; cat /proc/net/tcp").stdout();
        assertThat(listening).contains("running");
        assertThat(listening.lines().filter(line -> line.contains(":")).map(line -> line.substring(line.lastIndexOf(':') + 1)))
                .as("ports listened on in pim's sandbox (hex); its programs: " + programs).containsOnly("22B8");
        String pimAddress = box.docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}",
                box.sandboxContainer("pim")).requireSuccess().stdout().strip().split(" ")[0];
        String reached = box.docker("exec", box.sandboxContainer("quin"), "python3", "-c", """
                import socket, sys
                for port in (5900, 5901, 6000, 6001):
                    try:
                        socket.create_connection((sys.argv[1], port), timeout=3).close()
                        print("reached", port)
                    except OSError:
                        pass
                print("done")
                """, pimAddress).requireSuccess().stdout();
        assertThat(reached.strip()).isEqualTo("done");
    }

    @Test
    void aThousandWindowsAndAProgramFillingTheDisplaysMemoryAreContainedAndTheLabGoesOn() throws Exception {
        String password = box.addUser("ozzy");
        Learner ozzy = new Learner(box, "ozzy");
        ozzy.logInToLab(password);
        ozzy.writeFile("display-hog.py", new String(
                DesktopE2EIT.class.getResourceAsStream("/display-hog.py").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        try (KernelSession python = ozzy.startKernel("python3")) {
            KernelSession.Outcome windows = python.execute("""
                    import tkinter
                    root = tkinter.Tk()
                    for i in range(1000):
                        tkinter.Toplevel(root).title(f"window {i}")
                    root.update()
                    print("opened", len(root.winfo_children()))
                    """, Duration.ofMinutes(5));
            assertThat(windows.error()).isNull();
            assertThat(windows.stdout()).contains("opened 1000");

            // A program that makes the display allocate for it without end (pixmaps of 64 MiB, drawn into).
            KernelSession.Outcome hog = python.execute("""
                    import subprocess
                    hog = subprocess.run(["python3", "display-hog.py"], capture_output=True, text=True, timeout=240)
                    print(hog.stdout.strip().splitlines()[-1] if hog.stdout.strip() else "made none")
                    print(hog.stderr)
                    """, Duration.ofMinutes(5));
            assertThat(hog.error()).isNull();
            assertThat(hog.stdout()).as("the display refused it in words").contains("BadAlloc");
            String last = hog.stdout().lines().filter(line -> line.startsWith("made ")).findFirst().orElseThrow();
            int made = last.equals("made none") ? 0 : Integer.parseInt(last.substring("made ".length()).strip());
            assertThat(made).as("pixmaps of 64 MiB the display made before it refused").isLessThan(8);

            // The display, the lab and the kernel go on; the display's memory stays within its bound.
            String xvnc = box.docker("exec", box.sandboxContainer("ozzy"), "sh", "-c",
                    "grep VmRSS /proc/$(pgrep -x Xvnc)/status | tr -s ' ' | cut -d' ' -f2").requireSuccess().stdout().strip();
            assertThat(Long.parseLong(xvnc)).as("Xvnc's memory in KiB").isLessThan(400L * 1024);
            assertThat(python.execute("print(len(root.winfo_children()))", Duration.ofMinutes(1)).stdout()).contains("1000");
            HttpResponse<String> status = ozzy.server("GET", "/api/status", null);
            assertThat(status.statusCode()).isEqualTo(200);
            WebSocket viewer = open(ozzy, URI.create("ws://localhost:" + box.port + "/user/ozzy/desktop/websockify"));
            viewer.sendClose(WebSocket.NORMAL_CLOSURE, "seen");
        }
    }

    @Test
    void aTeacherWatchesAStudentsDesktopOnlyWhereTheClassAllowsItAndNothingTheyDoReachesIt() throws Exception {
        String teacherPassword = box.addUser("tess", "teacher");
        String studentPassword = box.addUser("milo");
        Learner tess = new Learner(box, "tess");
        String code = Classes.make(box, tess, teacherPassword, "Art 2B");
        java.util.regex.Matcher classLink = java.util.regex.Pattern.compile("href=\"/classes/(\\d+)\"").matcher(tess.get("/classes").body());
        assertThat(classLink.find()).isTrue();
        long classId = Long.parseLong(classLink.group(1));
        Learner milo = new Learner(box, "milo");
        milo.logInToLab(studentPassword);
        Classes.join(milo, code);

        try (KernelSession python = milo.startKernel("python3")) {
            // Milo's program: a white window that writes down every click and key it gets.
            assertThat(python.execute("""
                    import tkinter
                    touched = []
                    canvas_window = tkinter.Tk()
                    canvas_window.title("Milo's picture")
                    canvas_window.geometry("400x300+100+100")
                    picture = tkinter.Canvas(canvas_window, width=400, height=300, background="white", highlightthickness=0)
                    picture.pack()
                    picture.bind("<Button-1>", lambda e: touched.append("click"))
                    canvas_window.bind("<Key>", lambda e: touched.append("key " + e.keysym))
                    canvas_window.update()
                    """, Duration.ofMinutes(2)).error()).isNull();

            String watchPage = "/classes/" + classId + "/students/milo/desktop";
            URI socket = URI.create("ws://localhost:" + box.port + watchPage + "/websockify");
            // Not while the class keeps its desktops private.
            HttpResponse<String> refused = tess.get(watchPage);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("does not let its teacher watch");
            assertThat(openFails(tess, socket)).isTrue();

            Classes.submit(tess, "/classes/" + classId, "/classes/" + classId + "/desktops", "watched=true");
            assertThat(tess.get("/classes/" + classId + "/students/milo").body()).contains("id=\"watch-desktop\"");
            assertThat(milo.get("/").body()).as("the student is told on their dashboard")
                    .contains("tess may watch your desktop (look, never use it) from the class &quot;Art 2B&quot;.");

            // From the attacker's side: a viewer that asks for the screen, then clicks and types on it.
            RfbViewer raw = RfbViewer.open(tess, socket);
            assertThat(raw.serverName()).isEqualTo("Desktop of milo");
            assertThat(raw.firstUpdateBytes()).as("the teacher sees the screen").isGreaterThan(1000);
            raw.click(300, 250);
            raw.type(0x61);
            raw.close();
            // Milo's own program answers its own clicks still, and none came from the teacher.
            assertThat(python.execute("print('touched:', touched)", Duration.ofMinutes(1)).stdout()).contains("touched: []");

            // In Chromium: the link on the student's page opens the desktop, viewing only.
            WebDriver browser = Chromium.open();
            try {
                Chromium.logInToDashboard(browser, box, "tess", teacherPassword);
                Chromium.openUntil(browser, box.url("/classes/" + classId + "/students/milo"), By.id("watch-desktop"));
                String page = browser.getWindowHandle();
                browser.findElement(By.id("watch-desktop")).click();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(1));
                wait.until(driver -> driver.getWindowHandles().size() == 2);
                browser.switchTo().window(browser.getWindowHandles().stream().filter(handle -> !handle.equals(page)).findFirst().orElseThrow());
                wait.until(driver -> driver.getTitle().contains("Desktop of milo"));
                WebElement screen = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#noVNC_container canvas")));
                wait.until(driver -> lightPixels(driver, screen) > 20_000); // milo's white window
                new Actions(browser).moveToElement(screen).click().sendKeys("hello").perform();
                Chromium.screenshot(browser, "desktop-07-teacher-watches.png");
            } finally {
                browser.quit();
            }
            assertThat(python.execute("print('touched:', touched)", Duration.ofMinutes(1)).stdout()).contains("touched: []");
        }
    }

    private static String swingCell() {
        return """
                import javax.swing.*;
                import java.util.concurrent.*;
                var clicked = new CountDownLatch(1);
                var button = new JButton[1];
                SwingUtilities.invokeAndWait(() -> {
                    var frame = new JFrame("Hello from Swing");
                    button[0] = new JButton("Click me");
                    button[0].addActionListener(e -> { System.out.println("The button was clicked"); clicked.countDown(); });
                    frame.add(button[0]);
                    frame.setSize(360, 240);
                    frame.setVisible(true);
                });
                var shown = java.time.Instant.now().plusSeconds(30);
                while (!button[0].isShowing() && java.time.Instant.now().isBefore(shown)) Thread.sleep(20);
                // The window manager places the frame once it maps: its place is read once it holds still.
                var at = new java.awt.Point[1];
                java.awt.Point before = null;
                var placed = java.time.Instant.now().plusSeconds(30);
                while (java.time.Instant.now().isBefore(placed)) {
                    SwingUtilities.invokeAndWait(() -> {
                        var corner = button[0].getLocationOnScreen();
                        at[0] = new java.awt.Point(corner.x + button[0].getWidth() / 2, corner.y + button[0].getHeight() / 2);
                    });
                    if (at[0].equals(before)) break;
                    before = at[0];
                    Thread.sleep(300);
                }
                java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("user.home"), "button-at.txt"), at[0].x + " " + at[0].y);
                System.out.println(clicked.await(120, TimeUnit.SECONDS) ? "done" : "no click came");
                """;
    }

    /** Waits for a file the cell writes; a cell that ended first says why. */
    private static String awaitFile(Learner learner, String path, CompletableFuture<KernelSession.Outcome> cell) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (true) {
            if (cell.isDone()) throw new AssertionError("the cell ended first: " + cell.get());
            try {
                return learner.readFile(path);
            } catch (AssertionError notYet) {
                if (Instant.now().isAfter(deadline)) throw notYet;
            }
            Thread.sleep(250);
        }
    }

    /** How many pixels of the desktop's canvas are near white. */
    private static long lightPixels(WebDriver browser, WebElement canvas) {
        Object count = ((JavascriptExecutor) browser).executeScript("""
                const c = arguments[0], data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let light = 0;
                for (let i = 0; i < data.length; i += 4) if (data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240) light++;
                return light;
                """, canvas);
        return ((Number) count).longValue();
    }

    /** How many dark pixels lie well inside the region of near-white ones (lines drawn on a white canvas). */
    private static long linesOnLight(WebDriver browser, WebElement canvas) {
        Object count = ((JavascriptExecutor) browser).executeScript("""
                const c = arguments[0], w = c.width, h = c.height, data = c.getContext('2d').getImageData(0, 0, w, h).data;
                const at = (x, y) => (y * w + x) * 4;
                let left = w, right = 0, top = h, bottom = 0;
                for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
                    const i = at(x, y);
                    if (data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240) {
                        left = Math.min(left, x); right = Math.max(right, x); top = Math.min(top, y); bottom = Math.max(bottom, y);
                    }
                }
                let dark = 0;
                for (let y = top + 40; y < bottom - 10; y++) for (let x = left + 10; x < right - 10; x++) {
                    const i = at(x, y);
                    if (data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80) dark++;
                }
                return dark;
                """, canvas);
        return ((Number) count).longValue();
    }

    private static WebSocket open(Learner learner, URI uri) throws Exception {
        return learner.http.newWebSocketBuilder().header("Cookie", learner.cookieHeader()).subprotocols("binary")
                .connectTimeout(Duration.ofSeconds(20))
                .buildAsync(uri, new WebSocket.Listener() {}).get(60, TimeUnit.SECONDS);
    }

    private static boolean openFails(Learner learner, URI uri) throws Exception {
        try {
            open(learner, uri).abort();
            return false;
        } catch (ExecutionException refused) {
            return true;
        }
    }

    /** A viewer on a desktop's websocket that speaks RFB itself, as an attacker's script would. */
    private static final class RfbViewer {
        private final WebSocket socket;
        private final java.util.concurrent.BlockingQueue<byte[]> chunks;
        private byte[] current = new byte[0];
        private int at;
        private String name;
        private int width;
        private int height;

        private RfbViewer(WebSocket socket, java.util.concurrent.BlockingQueue<byte[]> chunks) {
            this.socket = socket;
            this.chunks = chunks;
        }

        static RfbViewer open(Learner learner, URI uri) throws Exception {
            java.util.concurrent.BlockingQueue<byte[]> chunks = new java.util.concurrent.LinkedBlockingQueue<>();
            WebSocket socket = learner.http.newWebSocketBuilder().header("Cookie", learner.cookieHeader()).subprotocols("binary")
                    .connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(uri, new WebSocket.Listener() {
                        @Override
                        public java.util.concurrent.CompletionStage<?> onBinary(WebSocket ws, java.nio.ByteBuffer data, boolean last) {
                            byte[] bytes = new byte[data.remaining()];
                            data.get(bytes);
                            chunks.add(bytes);
                            ws.request(1);
                            return null;
                        }
                    }).get(60, TimeUnit.SECONDS);
            RfbViewer viewer = new RfbViewer(socket, chunks);
            viewer.handshake();
            return viewer;
        }

        private void handshake() throws Exception {
            read(12);
            send("RFB 003.008\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            int types = read(1)[0];
            read(types);
            send(new byte[] {1});
            assertThat(java.nio.ByteBuffer.wrap(read(4)).getInt()).isZero();
            send(new byte[] {0}); // exclusive: it would put the student's own viewer out, were it let through
            java.nio.ByteBuffer init = java.nio.ByteBuffer.wrap(read(24));
            width = init.getShort() & 0xffff;
            height = init.getShort() & 0xffff;
            name = new String(read(init.getInt(20)), java.nio.charset.StandardCharsets.UTF_8);
            send(java.nio.ByteBuffer.allocate(8).put((byte) 2).put((byte) 0).putShort((short) 1).putInt(0).array()); // Raw only
        }

        String serverName() {
            return name;
        }

        /** Asks for the whole screen; the bytes of the first update's rectangles (Raw: 4 per pixel). */
        long firstUpdateBytes() throws Exception {
            send(java.nio.ByteBuffer.allocate(10).put((byte) 3).put((byte) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) width).putShort((short) height).array());
            assertThat(read(1)[0]).isZero();
            int rectangles = java.nio.ByteBuffer.wrap(read(3)).getShort(1) & 0xffff;
            long bytes = 0;
            for (int i = 0; i < rectangles; i++) {
                java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(read(12));
                long size = 4L * (header.getShort(4) & 0xffff) * (header.getShort(6) & 0xffff);
                assertThat(header.getInt(8)).as("Raw encoding").isZero();
                read((int) size);
                bytes += size;
            }
            return bytes;
        }

        void click(int x, int y) throws Exception {
            send(java.nio.ByteBuffer.allocate(6).put((byte) 5).put((byte) 1).putShort((short) x).putShort((short) y).array());
            send(java.nio.ByteBuffer.allocate(6).put((byte) 5).put((byte) 0).putShort((short) x).putShort((short) y).array());
        }

        void type(int keysym) throws Exception {
            send(java.nio.ByteBuffer.allocate(8).put((byte) 4).put((byte) 1).putShort((short) 0).putInt(keysym).array());
            send(java.nio.ByteBuffer.allocate(8).put((byte) 4).put((byte) 0).putShort((short) 0).putInt(keysym).array());
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        private void send(byte[] bytes) throws Exception {
            socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).get(10, TimeUnit.SECONDS);
        }

        private byte[] read(int size) throws Exception {
            byte[] out = new byte[size];
            int filled = 0;
            while (filled < size) {
                if (at == current.length) {
                    current = chunks.poll(30, TimeUnit.SECONDS);
                    at = 0;
                    if (current == null) throw new AssertionError("the desktop sent nothing for 30 s");
                }
                int count = Math.min(size - filled, current.length - at);
                System.arraycopy(current, at, out, filled, count);
                filled += count;
                at += count;
            }
            return out;
        }
    }

    /** Runs the code in the kernel until what it prints holds the expected text, for half a minute at most. */
    private static void awaitPrinted(KernelSession kernel, String code, String expected, String what) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        String printed = "";
        while (!printed.contains(expected)) {
            assertThat(Instant.now()).as(what + "; the kernel printed: " + printed).isBefore(deadline);
            printed = kernel.execute(code, Duration.ofMinutes(1)).stdout();
        }
    }
}

"""The learner's desktop (issue 18): an X display in the sandbox, shown in the browser at
/user/NAME/desktop/ behind this server's own sign-in, so only the learner (and whom the hub lets in)
reaches it.

It costs nothing until used. Until then this server holds the display's socket: the first program
that opens a window (a JFrame, tkinter, turtle, from a cell or the terminal; DISPLAY is set for
kernels and terminals) or the first look at the desktop starts it: TigerVNC's Xvnc with a window
manager, from Debian. The program that came first talks to it through this server; every later one
reaches it directly. The display is seen only through this server: Xvnc listens on no TCP port, and
its RFB socket is a file only the learner can open. After IDLE_SECONDS with nobody looking (no
desktop tab open), the desktop stops, with the programs on it, and the socket is held again.
"""
import asyncio
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import time

from jupyter_core.utils import ensure_async
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.base.websocket import WebSocketMixin
from jupyter_server._tz import utcnow
from jupyter_server.utils import url_path_join
from tornado import web
from tornado.ioloop import IOLoop
from tornado.websocket import WebSocketClosedError, WebSocketHandler

DISPLAY = ":1"
X_SOCKET_DIR = "/tmp/.X11-unix"
X_SOCKET = X_SOCKET_DIR + "/X1"
STATE = "/tmp/learnbox-desktop"
RFB_SOCKET = STATE + "/rfb"
NOVNC = "/usr/share/novnc"
IDLE_SECONDS = int(os.environ.get("LEARNBOX_DESKTOP_IDLE_SECONDS", "600"))
GEOMETRY = "1280x800"
READ_SIZE = 64 * 1024
XVNC_MEMORY = 384 * 1024 * 1024


class Desktop:
    """Xvnc and its window manager, started on first use and stopped when nobody looks for a while."""

    def __init__(self, log):
        self.log = log
        self.processes = []
        self.starting = None
        self.holder = None
        self.viewers = 0
        self.unwatched_since = time.monotonic()

    @property
    def running(self):
        return bool(self.processes) and all(process.poll() is None for process in self.processes)

    async def hold_socket(self):
        """Listens where X programs look for the display, so the first one starts it."""
        os.makedirs(X_SOCKET_DIR, mode=0o1777, exist_ok=True)
        os.makedirs(STATE, mode=0o700, exist_ok=True)
        for stale in (X_SOCKET, "/tmp/.X1-lock", RFB_SOCKET):
            try:
                os.unlink(stale)
            except FileNotFoundError:
                pass
        self.holder = await asyncio.start_unix_server(self.program_came, path=X_SOCKET)

    async def program_came(self, reader, writer):
        """The first program to open the display: it waits for the desktop, then talks to it through here."""
        try:
            await self.start()
            display_reader, display_writer = await asyncio.open_unix_connection("\0" + X_SOCKET)
        except (OSError, RuntimeError) as failed:
            self.log.warning("learnbox desktop: a program asked for the display, which did not start: %s", failed)
            writer.close()
            return
        await asyncio.gather(pipe(reader, display_writer), pipe(display_reader, writer))

    async def start(self):
        if self.running:
            return
        if self.starting is None:
            self.starting = asyncio.ensure_future(self._start())
        try:
            await asyncio.shield(self.starting)
        finally:
            self.starting = None

    async def _start(self):
        self.stop()
        # Xvnc takes the socket's path over; the held socket goes once the display answers.
        xvnc = subprocess.Popen(
            ["Xvnc", DISPLAY, "-rfbunixpath", RFB_SOCKET, "-rfbunixmode", "0600", "-rfbport", "-1",
             "-nolisten", "tcp", "-SecurityTypes", "None", "-AlwaysShared", "-AcceptSetDesktopSize",
             "-geometry", GEOMETRY, "-depth", "24", "-desktop", desktop_name()],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=open(STATE + "/xvnc.log", "w"),
            start_new_session=True, preexec_fn=bounded_memory)
        self.processes = [xvnc]
        deadline = time.monotonic() + 15
        while not (answers("\0" + X_SOCKET) and os.path.exists(RFB_SOCKET)):
            if xvnc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the desktop's display (Xvnc) did not start; see " + STATE + "/xvnc.log")
            await asyncio.sleep(0.02)
        if self.holder is not None:
            self.holder.close()
            self.holder = None
        environment = dict(os.environ, DISPLAY=DISPLAY)
        # The browser sends letters, not keys; Xvnc finds each in its keymap, and adds one that is not
        # there, which a program reads wrong at its first press (it learns the new map after). US with
        # AltGr-international holds Western Europe's letters from the start (ß, é, ü, ñ ...).
        subprocess.run(["setxkbmap", "-layout", "us", "-variant", "altgr-intl"], env=environment,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
        self.processes.append(subprocess.Popen(["openbox"], env=environment, stdin=subprocess.DEVNULL,
                                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                               start_new_session=True))
        self.unwatched_since = time.monotonic()
        asyncio.ensure_future(self.hold_again_when_it_ends(xvnc))
        self.log.info("learnbox desktop: started on display %s", DISPLAY)

    async def hold_again_when_it_ends(self, xvnc):
        """A display that ended by itself (killed for the sandbox's memory, say): the next program or
        look starts a new one at once, not after the idle check comes round."""
        status = await asyncio.to_thread(xvnc.wait)
        if self.processes and self.processes[0] is xvnc:
            self.log.warning("learnbox desktop: Xvnc ended by itself (%s); the next window or look starts it again", status)
            self.stop()
            await self.hold_socket()

    def stop(self):
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes = []

    def viewer_came(self):
        self.viewers += 1
        self.write_state()

    def viewer_left(self):
        self.viewers -= 1
        if self.viewers == 0:
            self.unwatched_since = time.monotonic()
        self.write_state()

    def write_state(self):
        """Whether anyone looks, for the kernels that tell a program's author where its window went
        (no file: nobody)."""
        with open(STATE + "/state.json.new", "w", encoding="utf-8") as state:
            json.dump({"viewers": self.viewers}, state)
        os.replace(STATE + "/state.json.new", STATE + "/state.json")

    async def stop_when_idle(self):
        while True:
            await asyncio.sleep(min(30, max(1, IDLE_SECONDS / 4)))
            if self.running and self.viewers == 0 and time.monotonic() - self.unwatched_since > IDLE_SECONDS:
                self.log.info("learnbox desktop: nobody looked for %d s; it stops", IDLE_SECONDS)
                self.stop()
                await self.hold_socket()


def bounded_memory():
    """Programs make the display allocate for them (pixmaps, windows): past this, Xvnc refuses them
    (BadAlloc to the program) instead of growing into the sandbox's memory and taking the lab along."""
    resource.setrlimit(resource.RLIMIT_DATA, (XVNC_MEMORY, XVNC_MEMORY))


def desktop_name():
    return "Desktop of " + os.environ.get("JUPYTERHUB_USER", "this learner")


def answers(address):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        try:
            probe.connect(address)
            return True
        except OSError:
            return False


async def pipe(reader, writer):
    try:
        while data := await reader.read(READ_SIZE):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


class DesktopPage(JupyterHandler):
    """The desktop in the browser: noVNC's page, connected to this learner's display, fitted to the window."""

    @web.authenticated
    def get(self):
        socket_path = url_path_join(self.base_url, "desktop", "websockify")  # absolute: noVNC reads it against its page
        self.redirect(url_path_join(self.base_url, "desktop", "vnc.html") + "?autoconnect=true&reconnect=true"
                      "&resize=remote&show_dot=true&path=" + socket_path)


class DesktopSocket(WebSocketMixin, WebSocketHandler, JupyterHandler):
    """The viewer's connection: RFB between the browser and Xvnc's socket, the desktop started if need be."""

    auth_resource = "terminals"

    def set_default_headers(self):
        pass  # JupyterHandler's page headers do not apply to a websocket

    def select_subprotocol(self, subprotocols):
        return "binary" if "binary" in subprotocols else None

    async def get(self, *args, **kwargs):
        if self.current_user is None:
            raise web.HTTPError(403, "Sign in to see this desktop.")
        if not await ensure_async(self.authorizer.is_authorized(self, self.current_user, "execute", "terminals")):
            raise web.HTTPError(403, "This desktop is its learner's own.")
        desktop = self.settings["learnbox_desktop"]
        try:
            await desktop.start()
            self.display_reader, self.display_writer = await asyncio.open_unix_connection(RFB_SOCKET)
        except (OSError, RuntimeError) as failed:
            raise web.HTTPError(503, "The desktop did not start: %s" % failed)
        return await super().get(*args, **kwargs)

    def open(self, *args, **kwargs):
        super().open()
        self.set_nodelay(True)  # a click's small message goes at once, not after the last one's ACK
        self.settings["learnbox_desktop"].viewer_came()
        self.counted = True
        self.forwarding = asyncio.ensure_future(self.forward())

    async def forward(self):
        try:
            while data := await self.display_reader.read(READ_SIZE):
                await self.write_message(data, binary=True)
        except (ConnectionError, OSError, WebSocketClosedError):
            pass
        self.close()

    async def on_message(self, message):
        # Someone at work on the desktop is at work in the lab: the hub's idle check sees it.
        self.settings["api_last_activity"] = utcnow()
        self.display_writer.write(message if isinstance(message, bytes) else message.encode())
        await self.display_writer.drain()

    def on_close(self):
        writer = getattr(self, "display_writer", None)
        if writer is not None:
            writer.close()
        if getattr(self, "counted", False):
            self.counted = False
            self.settings["learnbox_desktop"].viewer_left()


def _jupyter_server_extension_points():
    return [{"module": "learnbox_desktop"}]


def _load_jupyter_server_extension(server):
    if shutil.which("Xvnc") is None:
        server.log.info("learnbox desktop: no Xvnc in this image; no desktop")
        return
    desktop = Desktop(server.log)
    os.environ["DISPLAY"] = DISPLAY  # kernels and terminals inherit it
    server.web_app.settings["learnbox_desktop"] = desktop
    base = server.web_app.settings["base_url"]
    server.web_app.add_handlers(".*$", [
        (url_path_join(base, "desktop") + "/?", DesktopPage),
        (url_path_join(base, "desktop", "websockify"), DesktopSocket),
        # noVNC's own files (Debian's novnc package), public as they are in Debian; the page that
        # leads to them and the connection are the learner's only. JupyterHub refuses its cookie to a
        # module script's request (a CORS-mode fetch), so these could not ask for it anyway.
        (url_path_join(base, "desktop", "(.+)"), web.StaticFileHandler, {"path": NOVNC}),
    ])
    IOLoop.current().add_callback(desktop.hold_socket)
    IOLoop.current().add_callback(desktop.stop_when_idle)

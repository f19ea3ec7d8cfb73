"""BridgeSpawner: the bridge runs each user's sandbox; JupyterHub only asks it."""

import asyncio
import time
from urllib.parse import urlparse

from jupyterhub import orm
from jupyterhub.spawner import Spawner
from tornado import web
from tornado.httpclient import HTTPClientError
from traitlets import Integer, Unicode

from .bridge import BridgeError, call, http_client


class SpawnRefused(web.HTTPError):
    """The bridge's refusal, shown in its own words on the spawn page, however fast it came."""

    def __init__(self, message):
        super().__init__(503, "%s", message)
        self.jupyterhub_message = message

    def __str__(self):
        return self.jupyterhub_message


class BridgeSpawner(Spawner):
    port = Integer(8888, help="Port of jupyterhub-singleuser inside the sandbox.").tag(config=True)
    # The token of a server put to sleep: it wakes holding it, so the hub keeps it (will_resume) for the next start.
    resume_token = Unicode("")

    def get_state(self):
        state = super().get_state()
        if self.resume_token:
            state["resume_token"] = self.resume_token
        return state

    def load_state(self, state):
        super().load_state(state)
        self.resume_token = state.get("resume_token", "")

    # clear_state (the hub's, at every stop and start) keeps resume_token: it is what the next start needs.

    def _path(self, suffix=""):
        return f"/hub-api/sandboxes/{self.user.name}{suffix}"

    async def start(self):
        # The server binds all interfaces of its own container.
        self.ip = "0.0.0.0"
        env = {k: str(v) for k, v in self.get_env().items()}
        try:
            answer = await call("POST", self._path("/start"), {"env": env}, timeout=self.start_timeout)
        except BridgeError as e:
            raise SpawnRefused(str(e)) from None
        self._take_token_back(answer.get("resumed", False))
        await self._until_answering(answer["url"])
        asyncio.ensure_future(self._tell_bridge_it_answers())
        return answer["url"]

    def _take_token_back(self, resumed):
        """A woken server holds the token it slept with: the hub then drops the one it made for this start.
        A sleeper that could not wake took its token with it: the hub forgets that token."""
        if resumed and self.resume_token:
            self.api_token = self.resume_token
        elif self.resume_token:
            stale = orm.APIToken.find(self.user.db, self.resume_token)
            if stale is not None:
                self.user.db.delete(stale)
                self.user.db.commit()
        self.resume_token = ""
        self.will_resume = False

    async def _tell_bridge_it_answers(self):
        """The bridge's work that waits for a running lab (courses) starts now, off the spawn's path."""
        try:
            await call("POST", self._path("/answering"))
        except BridgeError as e:
            self.log.warning("could not tell the bridge that %s's server answers: %s", self.user.name, e)

    async def _until_answering(self, url):
        """Polls the new server closely, so the hub finds it up on its first look.

        JupyterHub's own wait backs off exponentially and can sleep past the moment
        the server comes up; this costs a few cheap requests instead.
        """
        api = f"{url}{self.user.url}api"
        deadline = time.monotonic() + self.start_timeout
        client = http_client()
        while time.monotonic() < deadline:
            try:
                await client.fetch(api, connect_timeout=2, request_timeout=2)
                return
            except HTTPClientError as e:
                if e.code < 599:
                    return  # it answers, even if not with 200
            except OSError:
                pass
            await asyncio.sleep(0.02)

    async def poll(self):
        try:
            status = await call("GET", self._path())
        except BridgeError as e:
            self.log.warning("poll of %s: %s", self.user.name, e)
            return None  # the bridge restarting is not the server stopping
        if status["state"] != "running":
            return 0
        await self._follow_address(status.get("url"))
        return None

    async def _follow_address(self, url):
        """A sandbox the engine started again (after its own restart) may have another address: the route follows."""
        if not url or self.server is None or url.rstrip("/") == self.server.host:
            return
        parsed = urlparse(url)
        self.log.info("the sandbox of %s moved from %s to %s", self.user.name, self.server.host, url)
        self.server.ip, self.server.port = parsed.hostname, parsed.port
        self.user.db.commit()
        proxy = self.user.settings.get("proxy")
        if proxy is not None:
            await proxy.add_user(self.user, self.name)

    async def stop(self, now=False):
        answer = await call("POST", self._path("/stop")) or {}
        # A server put to sleep keeps its token and OAuth client at the hub (will_resume), for when it wakes.
        self.will_resume = bool(answer.get("asleep"))
        self.resume_token = self.api_token if self.will_resume else ""

    async def progress(self):
        seen = 0
        while True:
            try:
                status = await call("GET", self._path(f"?eventsSeen={seen}"))
            except BridgeError:
                await asyncio.sleep(0.5)
                continue
            for event in status["events"]:
                seen += 1
                yield {"progress": event["progress"], "message": event["message"]}
                if event["failed"]:
                    return
            await asyncio.sleep(0.2)

"""BridgeAuthenticator: people log in at the bridge and come back with a one-time token."""

from jupyterhub.auth import Authenticator
from jupyterhub.handlers import BaseHandler
from jupyterhub.handlers.login import LogoutHandler
from jupyterhub.utils import url_path_join
from tornado import web

from .bridge import BridgeError, call


class CallbackHandler(BaseHandler):
    """/hub/learnbox/callback?token=...&next=...: redeem the token, log the person in."""

    async def get(self):
        token = self.get_argument("token", "")
        user = await self.login_user({"token": token})
        if user is None:
            raise web.HTTPError(403, "This login link is not valid any more; please log in again.")
        self.redirect(self.get_next_url(user))


class LogoutEverywhereHandler(LogoutHandler):
    """/hub/logout (JupyterLab's menu, the dashboard): the hub's session ends here, then the
    bridge's, then Keycloak's when single sign-on is on; the browser ends on the login page."""

    async def render_logout_page(self):
        self.redirect("/logout")


class BridgeAuthenticator(Authenticator):
    auto_login = True
    # JupyterHub's groups mirror the bridge's classes; they are refreshed from the bridge.
    manage_groups = True
    refresh_pre_spawn = True
    auth_refresh_age = 60

    def login_url(self, base_url):
        # The bridge's own login, at the site root; JupyterHub appends ?next=.
        return "/handoff"

    def logout_url(self, base_url):
        return url_path_join(base_url, "logout")

    def get_handlers(self, app):
        # Ahead of JupyterHub's own handlers, so this /logout is the one that answers.
        return [(r"/learnbox/callback", CallbackHandler), (r"/logout", LogoutEverywhereHandler)]

    async def authenticate(self, handler, data):
        try:
            identity = await call("POST", "/hub-api/handoff/redeem", {"token": data["token"]})
        except BridgeError as e:
            self.log.warning("login refused: %s", e)
            return None
        return self._model(identity)

    async def refresh_user(self, user, handler=None):
        """The person's groups (classes) and admin flag, as the bridge knows them now."""
        try:
            identity = await call("GET", f"/hub-api/users/{user.name}")
        except BridgeError as e:
            self.log.warning("could not refresh %s: %s", user.name, e)
            return True  # keep what the hub knows; the bridge answers again soon
        return self._model(identity)

    @staticmethod
    def _model(identity):
        return {"name": identity["name"], "admin": identity["admin"], "groups": identity.get("groups", [])}

"""BridgeAuthenticator: people log in at the bridge and come back with a one-time token."""

import json

from jupyterhub.apihandlers.base import APIHandler
from jupyterhub.auth import Authenticator
from jupyterhub.handlers import BaseHandler
from jupyterhub.handlers.login import LogoutHandler
from jupyterhub.scopes import needs_scope
from jupyterhub.utils import new_token, url_path_join
from tornado import web

from .bridge import BridgeError, call


class CallbackHandler(BaseHandler):
    """/hub/learnbox/callback?token=...&next=...: redeem the token, log the person in."""

    async def get(self):
        token = self.get_argument("token", "")
        user = await self.login_user({"token": token})
        if user is None:
            raise web.HTTPError(403, "This login link is not valid any more; please log in again.")
        # This browser's session at the hub (its labs' tokens carry it) came from that login at the bridge.
        session = self.get_session_cookie() or getattr(self, "_session_id", None)
        self.authenticator.remember_login(user.name, session, getattr(self, "_learnbox_login", None))
        self.redirect(self.get_next_url(user))


class LoginsEndedHandler(APIHandler):
    """POST /hub/learnbox/users/NAME/logins-ended {"keep": LOGIN}, from the bridge when NAME changed their
    password: every login cookie of theirs at the hub ends (a browser with a session at the bridge logs
    in again by itself, through the bridge), and so do the labs' tokens of every hub session but those
    that came from the bridge's login LOGIN, the one that changed it."""

    @needs_scope("admin:users")
    async def post(self, user_name):
        user = self.find_user(user_name)
        if user is None:
            raise web.HTTPError(404, f"There is no user named {user_name}.")
        keep = (self.get_json_body() or {}).get("keep")
        kept = self.authenticator.sessions_of(user.name, keep)
        user.orm_user.cookie_id = new_token()
        ended = 0
        for token in list(user.orm_user.api_tokens):
            if token.session_id and token.session_id not in kept:
                self.db.delete(token)
                ended += 1
        self.db.commit()
        self.authenticator.forget_logins(user.name, kept)
        self.log.info("%s changed their password: %d tokens of their other logins ended", user.name, ended)
        self.write(json.dumps({"ended": ended}))


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

    # Each person's hub sessions and the bridge's login each came from, kept in memory (the newest few
    # per person): a hub that restarted forgets them, and a changed password then ends every lab's
    # login, the changer's too.
    LOGINS_KEPT = 20

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._logins = {}

    def get_handlers(self, app):
        # Ahead of JupyterHub's own handlers, so this /logout is the one that answers.
        return [(r"/learnbox/callback", CallbackHandler), (r"/logout", LogoutEverywhereHandler),
                (r"/learnbox/users/([^/]+)/logins-ended", LoginsEndedHandler)]

    def remember_login(self, name, session, login):
        if not (session and login):
            return
        sessions = self._logins.setdefault(name, {})
        sessions.pop(session, None)
        sessions[session] = login
        while len(sessions) > self.LOGINS_KEPT:
            del sessions[next(iter(sessions))]

    def sessions_of(self, name, login):
        return {session for session, came_from in self._logins.get(name, {}).items() if login and came_from == login}

    def forget_logins(self, name, kept):
        sessions = self._logins.get(name, {})
        for session in [s for s in sessions if s not in kept]:
            del sessions[session]

    async def authenticate(self, handler, data):
        try:
            identity = await call("POST", "/hub-api/handoff/redeem", {"token": data["token"]})
        except BridgeError as e:
            self.log.warning("login refused: %s", e)
            return None
        handler._learnbox_login = identity.get("login")
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

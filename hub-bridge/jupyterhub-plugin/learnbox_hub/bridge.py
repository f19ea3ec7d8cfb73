"""The bridge's REST API as the plugin calls it: JSON, with the shared secret."""

import json
import os

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest


class BridgeError(Exception):
    """A refusal from the bridge, carrying its message in words."""


_client = None


def http_client():
    """The plugin's own client: a class of twenty logging in at once must not queue behind
    tornado's shared default of ten connections and time out in that queue."""
    global _client
    if _client is None:
        _client = AsyncHTTPClient(force_instance=True, max_clients=256)
    return _client


def shared_secret():
    """The secret the box's services share: the init service's file, unless the environment gives one."""
    given = os.environ.get("LEARNBOX_SHARED_SECRET")
    if given:
        return given
    with open(os.path.join(os.environ.get("LEARNBOX_SECRETS_DIR", "/run/learnbox"), "shared-secret")) as secret:
        return secret.read().strip()


def bridge_url():
    return os.environ.get("LEARNBOX_BRIDGE_URL", "http://127.0.0.1:8090")


async def call(method, path, body=None, timeout=30):
    request = HTTPRequest(
        bridge_url() + path,
        method=method,
        headers={
            "Authorization": "Bearer " + shared_secret(),
            "Content-Type": "application/json",
        },
        body=None if body is None else json.dumps(body),
        allow_nonstandard_methods=True,
        connect_timeout=10,
        request_timeout=timeout,
    )
    try:
        response = await http_client().fetch(request)
    except HTTPClientError as e:
        message = f"the bridge answered {e.code}"
        if e.response is not None and e.response.body:
            try:
                message = json.loads(e.response.body).get("message", message)
            except ValueError:
                pass
        raise BridgeError(message) from None
    except OSError as e:
        raise BridgeError(f"the LearnBox bridge cannot be reached ({e})") from None
    return json.loads(response.body) if response.body else None

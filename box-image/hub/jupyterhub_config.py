# JupyterHub in LearnBox: the notebook runtime. hub-bridge decides who logs in and what runs.
import os

from learnbox_hub.bridge import shared_secret

c = get_config()  # noqa: F821

secret = shared_secret()
bridge = os.environ.get("LEARNBOX_BRIDGE_URL", "http://127.0.0.1:8090")
hub_api_port = int(os.environ.get("LEARNBOX_HUB_API_PORT", "8081"))
proxy_api_port = int(os.environ.get("LEARNBOX_PROXY_API_PORT", "8002"))

# The proxy runs as its own service, so restarting the hub never drops a route.
c.ConfigurableHTTPProxy.should_start = False
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{proxy_api_port}"
c.ConfigurableHTTPProxy.auth_token = secret

# The hub under /hub/, the bridge at the site root (and for stopped users' URLs).
c.JupyterHub.hub_bind_url = f"http://0.0.0.0:{hub_api_port}"
c.JupyterHub.hub_connect_url = f"http://127.0.0.1:{hub_api_port}"
# Sandboxes reach the hub through the host's address on the Docker bridge.
c.Spawner.hub_connect_url = f"http://host.docker.internal:{hub_api_port}"
c.JupyterHub.hub_routespec = "/hub/"
c.Proxy.extra_routes = {"/": bridge}

# A single box keeps its state in SQLite; on a cluster the stack's PostgreSQL holds it
# (LEARNBOX_HUB_DB_URL=postgresql://learnbox@127.0.0.1:5432/hub, its password in the file that
# LEARNBOX_HUB_DB_PASSWORD_FILE names, the box's secret, or in the URL itself).
c.JupyterHub.db_url = os.environ.get("LEARNBOX_HUB_DB_URL") or "sqlite:////srv/jupyterhub/jupyterhub.sqlite"
if os.environ.get("LEARNBOX_HUB_DB_PASSWORD_FILE"):
    from sqlalchemy.engine import make_url

    with open(os.environ["LEARNBOX_HUB_DB_PASSWORD_FILE"]) as password:
        c.JupyterHub.db_url = make_url(c.JupyterHub.db_url).set(password=password.read().strip()) \
            .render_as_string(hide_password=False)
# A newer hub in a newer bundle brings its database up to date at start (as Z2JH and TLJH do);
# with SQLite, JupyterHub keeps a copy of the file from before the upgrade beside it.
c.JupyterHub.upgrade_db = True
c.JupyterHub.cookie_secret_file = "/srv/jupyterhub/cookie_secret"
c.JupyterHub.cleanup_servers = False  # servers outlive a hub restart
c.JupyterHub.cleanup_proxy = False

c.JupyterHub.template_paths = ["/etc/learnbox/templates"]

c.JupyterHub.authenticator_class = "learnbox_hub.BridgeAuthenticator"
c.Authenticator.allow_all = True  # the bridge is the one that decides who may log in
c.Authenticator.auto_login = True

c.JupyterHub.spawner_class = "learnbox_hub.BridgeSpawner"
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
# The hub asks the bridge about each server every 10 s: a sandbox the engine started again at
# another address is followed soon (BridgeSpawner.poll).
c.Spawner.poll_interval = 10

c.JupyterHub.services = [{"name": "learnbox-bridge", "api_token": secret}]
c.JupyterHub.load_roles = [
    {
        "name": "learnbox-bridge",
        "scopes": ["admin:users", "admin:servers", "list:users", "read:users", "access:servers", "read:metrics"],
        "services": ["learnbox-bridge"],
    }
]
c.JupyterHub.last_activity_interval = 60

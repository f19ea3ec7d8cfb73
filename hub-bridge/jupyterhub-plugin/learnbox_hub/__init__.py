"""LearnBox's JupyterHub plugin: a spawner and an authenticator that ask hub-bridge.

The logic lives in the bridge (Java, tested there); this stays a thin translation.
"""

from .authenticator import BridgeAuthenticator
from .spawner import BridgeSpawner

__all__ = ["BridgeAuthenticator", "BridgeSpawner"]

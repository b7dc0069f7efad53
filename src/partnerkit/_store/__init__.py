"""The store layer: SQLite persistence of records, provenance and source state.

Uses the model and the codec (records are stored as their codec dicts, so the layout
follows the model); exports the partnership network.
"""

from partnerkit._store._keys import name_key, state_key
from partnerkit._store._network import FORMATS, RENDER_FORMATS, network, render_dot, write_network
from partnerkit._store._paths import DB_ENV, default_path, resolve_path
from partnerkit._store._report import ImportReport
from partnerkit._store._schema import SCHEMA_VERSION
from partnerkit._store._store import Store

__all__ = [
    "DB_ENV",
    "FORMATS",
    "RENDER_FORMATS",
    "SCHEMA_VERSION",
    "ImportReport",
    "Store",
    "default_path",
    "name_key",
    "network",
    "render_dot",
    "resolve_path",
    "state_key",
    "write_network",
]

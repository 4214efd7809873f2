"""All configuration, from environment variables with safe embedded defaults.

A leaf module: every step may read it, it imports nothing from the project.
Secrets (tokens) only ever come from the environment.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).resolve() if value else default


BUILD_DIR = _path("CAREERBOT_BUILD_DIR", ROOT / "build")
DOCUMENTS_DIR = _path("CAREERBOT_DOCUMENTS_DIR", ROOT / "kb" / "documents")
KB_URL = os.environ.get("CAREERBOT_KB_URL") or f"sqlite:///{BUILD_DIR / 'kb.sqlite3'}"
TRACKER_STORE_URL = os.environ.get("TRACKER_STORE_URL") or f"sqlite:///{BUILD_DIR / 'trackers.sqlite3'}"
SPACY_MODEL_DIR = ROOT / "build" / "spacy-careers"  # config.yml names this path
MODELS_DIR = _path("CAREERBOT_MODELS_DIR", ROOT / "models")

HOST = os.environ.get("CAREERBOT_HOST", "127.0.0.1")
RASA_PORT = int(os.environ.get("CAREERBOT_RASA_PORT", "5005"))
ACTIONS_PORT = int(os.environ.get("CAREERBOT_ACTIONS_PORT", "5055"))
WEB_PORT = int(os.environ.get("CAREERBOT_WEB_PORT", "8080"))
ACTION_ENDPOINT_URL = os.environ.get("ACTION_ENDPOINT_URL") or f"http://{HOST}:{ACTIONS_PORT}/webhook"
LOCK_STORE = {  # "in_memory" for one Rasa process; "redis" when several share the tracker store
    "LOCK_STORE_TYPE": os.environ.get("LOCK_STORE_TYPE") or "in_memory",
    "REDIS_HOST": os.environ.get("REDIS_HOST") or "127.0.0.1",
    "REDIS_PORT": os.environ.get("REDIS_PORT") or "6379",
    "REDIS_DB": os.environ.get("REDIS_DB") or "1",
}


# RASA_API_TOKEN (secret, from the environment only): turns Rasa's HTTP API on, guarded by this token.


def rasa_env() -> dict[str, str]:
    """The environment the Rasa and action-server processes run with."""
    env = dict(os.environ)
    env.update(
        RASA_TELEMETRY_ENABLED="false",
        ACTION_ENDPOINT_URL=ACTION_ENDPOINT_URL,
        TRACKER_STORE_URL=TRACKER_STORE_URL,
        TRACKER_STORE_DIALECT=TRACKER_STORE_URL.split(":", 1)[0].split("+", 1)[0],
        CAREERBOT_KB_URL=KB_URL,
        **LOCK_STORE,
        TF_CPP_MIN_LOG_LEVEL=env.get("TF_CPP_MIN_LOG_LEVEL", "2"),
    )
    return env

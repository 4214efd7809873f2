"""All configuration: every environment variable the project reads is declared in ``VARIABLES``
(name, documented default, meaning) and read here, nowhere else. The README's configuration
table is checked against ``VARIABLES`` by the tests.

A leaf module: the launchers and the code Rasa loads may read it; it imports nothing from the
project. Secrets (tokens) only ever come from the environment.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Variable:
    name: str
    default: str  # as the README shows it; "unset" for none
    meaning: str
    secret: bool = False


VARIABLES: tuple[Variable, ...] = (
    Variable("CAREERBOT_DOCUMENTS_DIR", "kb/documents", "where the source documents are"),
    Variable("CAREERBOT_BUILD_DIR", "build", "built files: the KB, the mention vocabulary, conversations, logs"),
    Variable(
        "CAREERBOT_KB_URL",
        "sqlite:///build/kb.sqlite3",
        "the knowledge base: any SQLAlchemy URL (e.g. `postgresql://user@host/careers`)",
    ),
    Variable("CAREERBOT_MODELS_DIR", "models", "where `make train` writes the Rasa model"),
    Variable("CAREERBOT_HOST", "127.0.0.1", "interface the servers listen on"),
    Variable("CAREERBOT_RASA_PORT", "5005", "the Rasa server (REST, socket.io, Slack)"),
    Variable("CAREERBOT_ACTIONS_PORT", "5055", "the action server"),
    Variable("CAREERBOT_WEB_PORT", "8080", "the demo page with the chat widget"),
    Variable(
        "CAREERBOT_WEB_ORIGINS",
        "http://127.0.0.1:8080 http://localhost:8080",
        "the origins (space-separated) whose pages may use the chat: CORS on Rasa and socket.io",
    ),
    Variable(
        "CAREERBOT_STALE_YEARS",
        "5",
        "a figure older than this many years is quoted with its year and a warning, and its document is "
        "listed by `make kb` and the KB report as one to refresh",
    ),
    Variable(
        "CAREERBOT_WATCH_SECONDS",
        "2",
        "while `make run` runs, how often (in seconds) it looks for documents added to, changed in or removed "
        "from the documents folder, and rebuilds the KB when there are; `0` turns it off",
    ),
    Variable(
        "CAREERBOT_MAX_MESSAGE_CHARS", "2000", "the longest message any channel accepts (longer ones are refused)"
    ),
    Variable(
        "CAREERBOT_SESSION_SECRET",
        "random, kept in `build/session-secret`",
        "signs the widget's session ids, so no one can join another visitor's conversation; "
        "the same on every Rasa replica",
        secret=True,
    ),
    Variable(
        "CAREERBOT_REST_TOKEN",
        "unset",
        "when set, the REST channel (the operators' channel) needs `Authorization: Bearer …`; "
        "set it whenever the Rasa server is reachable from other machines",
        secret=True,
    ),
    Variable(
        "CAREERBOT_UNANSWERED_URL",
        "sqlite:///build/unanswered.sqlite3",
        "where the questions the documents could not answer are logged, for `make report` (any SQLAlchemy URL)",
    ),
    Variable("ACTION_ENDPOINT_URL", "http://127.0.0.1:5055/webhook", "where Rasa finds the action server"),
    Variable(
        "ACTION_SERVER_TOKEN",
        "random, for each launch",
        "the action server answers only requests carrying it (Rasa sends it, from endpoints.yml)",
        secret=True,
    ),
    Variable(
        "TRACKER_STORE_URL",
        "sqlite:///build/trackers.sqlite3",
        "where conversations are kept (Rasa's SQL tracker store table; any SQLAlchemy URL)",
    ),
    Variable("LOCK_STORE_TYPE", "in_memory", "`redis` when several Rasa processes share the tracker store"),
    Variable("REDIS_HOST", "127.0.0.1", "the Redis lock store's host"),
    Variable("REDIS_PORT", "6379", "the Redis lock store's port"),
    Variable("REDIS_DB", "1", "the Redis lock store's database number"),
    Variable(
        "RASA_API_TOKEN",
        "unset",
        "when set, Rasa's HTTP API (trackers, models, status) is on and needs `?token=…`; when unset it is off",
        secret=True,
    ),
    Variable("SLACK_TOKEN", "unset", "with `SLACK_SIGNING_SECRET`, turns the Slack channel on", secret=True),
    Variable("SLACK_SIGNING_SECRET", "unset", "checks that Slack requests come from Slack", secret=True),
    Variable("SLACK_CHANNEL", "unset", "a channel the bot answers in besides direct messages and mentions"),
    Variable("SLACK_API_URL", "https://slack.com/api/", "Slack's Web API (the tests point it at a local stand-in)"),
)
_DECLARED = {v.name for v in VARIABLES}


def env(name: str) -> str | None:
    """The value of a declared variable, or None when unset or empty."""
    if name not in _DECLARED:
        raise KeyError(f"{name} is not declared in bot.settings.VARIABLES")
    return os.environ.get(name) or None


def _path(name: str, default: Path) -> Path:
    value = env(name)
    return Path(value).resolve() if value else default


DOCUMENTS_DIR = _path("CAREERBOT_DOCUMENTS_DIR", ROOT / "kb" / "documents")
BUILD_DIR = _path("CAREERBOT_BUILD_DIR", ROOT / "build")
MODELS_DIR = _path("CAREERBOT_MODELS_DIR", ROOT / "models")
LOG_DIR = BUILD_DIR / "logs"
KB_URL = env("CAREERBOT_KB_URL") or f"sqlite:///{BUILD_DIR / 'kb.sqlite3'}"
MENTIONS_FILE = BUILD_DIR / "mentions.json"  # the names the NLU tags, written with the KB
TRACKER_STORE_URL = env("TRACKER_STORE_URL") or f"sqlite:///{BUILD_DIR / 'trackers.sqlite3'}"
UNANSWERED_URL = env("CAREERBOT_UNANSWERED_URL") or f"sqlite:///{BUILD_DIR / 'unanswered.sqlite3'}"

HOST = env("CAREERBOT_HOST") or "127.0.0.1"
RASA_PORT = int(env("CAREERBOT_RASA_PORT") or 5005)
ACTIONS_PORT = int(env("CAREERBOT_ACTIONS_PORT") or 5055)
WEB_PORT = int(env("CAREERBOT_WEB_PORT") or 8080)
ACTION_ENDPOINT_URL = env("ACTION_ENDPOINT_URL") or f"http://{HOST}:{ACTIONS_PORT}/webhook"
ACTION_SERVER_TOKEN = env("ACTION_SERVER_TOKEN") or secrets.token_urlsafe(24)  # handed to both servers
WEB_ORIGINS = (env("CAREERBOT_WEB_ORIGINS") or f"http://{HOST}:{WEB_PORT} http://localhost:{WEB_PORT}").split()
MAX_MESSAGE_CHARS = int(env("CAREERBOT_MAX_MESSAGE_CHARS") or 2000)
STALE_YEARS = int(env("CAREERBOT_STALE_YEARS") or 5)
WATCH_SECONDS = float(env("CAREERBOT_WATCH_SECONDS") or 2)
REST_TOKEN = env("CAREERBOT_REST_TOKEN")
SESSION_SECRET_FILE = BUILD_DIR / "session-secret"
RASA_MAX_REQUEST_BYTES = 1_000_000  # channel messages are small; nothing bigger reaches the Rasa server
ACTIONS_MAX_REQUEST_BYTES = 20_000_000  # a call carries the whole conversation so far
LOCK_STORE = {  # "in_memory" for one Rasa process; "redis" when several share the tracker store
    "LOCK_STORE_TYPE": env("LOCK_STORE_TYPE") or "in_memory",
    "REDIS_HOST": env("REDIS_HOST") or "127.0.0.1",
    "REDIS_PORT": env("REDIS_PORT") or "6379",
    "REDIS_DB": env("REDIS_DB") or "1",
}
RASA_API_TOKEN = env("RASA_API_TOKEN")
SLACK_TOKEN = env("SLACK_TOKEN")
SLACK_SIGNING_SECRET = env("SLACK_SIGNING_SECRET")
SLACK_CHANNEL = env("SLACK_CHANNEL")
SLACK_API_URL = env("SLACK_API_URL") or "https://slack.com/api/"


def session_secret() -> bytes:
    """``CAREERBOT_SESSION_SECRET``, or else a random key made once and kept (readable by the owner
    only) in the build folder, so sessions outlive a restart of the Rasa server."""
    configured = env("CAREERBOT_SESSION_SECRET")
    if configured:
        return configured.encode()
    if not SESSION_SECRET_FILE.exists():  # written aside, then linked into place: replicas may race
        SESSION_SECRET_FILE.parent.mkdir(parents=True, exist_ok=True)
        aside = SESSION_SECRET_FILE.with_name(f".session-secret-{os.getpid()}")
        with os.fdopen(os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as secret_file:
            secret_file.write(secrets.token_urlsafe(32))
        try:
            os.link(aside, SESSION_SECRET_FILE)
        except FileExistsError:
            pass
        finally:
            aside.unlink()
    return SESSION_SECRET_FILE.read_text().strip().encode()


def rasa_env() -> dict[str, str]:
    """The environment the Rasa and action-server processes run with: the settings above, resolved,
    so a child process reads the same values (and the ``${…}`` in endpoints.yml are filled)."""
    environment = dict(os.environ)
    environment.update(
        RASA_TELEMETRY_ENABLED="false",
        TF_CPP_MIN_LOG_LEVEL=environment.get("TF_CPP_MIN_LOG_LEVEL", "2"),
        CAREERBOT_BUILD_DIR=str(BUILD_DIR),
        CAREERBOT_DOCUMENTS_DIR=str(DOCUMENTS_DIR),
        CAREERBOT_MODELS_DIR=str(MODELS_DIR),
        CAREERBOT_KB_URL=KB_URL,
        CAREERBOT_UNANSWERED_URL=UNANSWERED_URL,
        ACTION_ENDPOINT_URL=ACTION_ENDPOINT_URL,
        ACTION_SERVER_TOKEN=ACTION_SERVER_TOKEN,
        TRACKER_STORE_URL=TRACKER_STORE_URL,
        TRACKER_STORE_DIALECT=TRACKER_STORE_URL.split(":", 1)[0].split("+", 1)[0],
        **LOCK_STORE,
    )
    return environment

"""The deployment files (no Docker engine here to run them) agree with the tested set-up:
the same commands, ports, environment variables and health checks."""

from __future__ import annotations

import re

import pytest
import yaml

from bot import settings
from bot.launch import servers
from tests.support.stack import SECRETS, profile_env

pytestmark = pytest.mark.unit

DEPLOY = settings.ROOT / "deploy"
COMPOSE = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
K8S = list(yaml.safe_load_all((DEPLOY / "kubernetes" / "career-bot.yaml").read_text()))
PROFILE = profile_env(lambda db: f"postgresql://user@db/{db}", "redis", 6379, "http://actions:5055/webhook")
ENDPOINT_VARIABLES = set(re.findall(r"\$\{(\w+)\}", (settings.ROOT / "endpoints.yml").read_text()))


def known_variables() -> set[str]:
    """Every environment variable the project reads (all declared in bot.settings), and those
    endpoints.yml takes from the environment."""
    return set(ENDPOINT_VARIABLES) | {v.name for v in settings.VARIABLES}


def k8s(kind: str, name: str) -> dict:
    return next(d for d in K8S if d["kind"] == kind and d["metadata"]["name"] == name)


def container(name: str) -> dict:
    return k8s("Deployment", name)["spec"]["template"]["spec"]["containers"][0]


RASA_COMMAND = servers.rasa_command(settings.RASA_PORT, "0.0.0.0")
ACTIONS_COMMAND = servers.actions_command(settings.ACTIONS_PORT)


def test_compose_runs_the_tested_commands() -> None:
    services = COMPOSE["services"]
    assert services["actions"]["command"] == ACTIONS_COMMAND
    assert services["rasa-1"]["command"] == services["rasa-2"]["command"] == RASA_COMMAND
    assert services["kb"]["command"] == ["python", "-m", "bot", "kb"]


def test_compose_sets_the_tested_profile_and_every_variable_rasa_needs() -> None:
    env = COMPOSE["services"]["rasa-1"]["environment"]
    assert COMPOSE["services"]["actions"]["environment"] == env
    assert set(env) <= known_variables()
    assert set(PROFILE) <= set(env) and ENDPOINT_VARIABLES <= set(env)
    for name in ("TRACKER_STORE_DIALECT", "LOCK_STORE_TYPE", "REDIS_PORT", "REDIS_DB", "ACTION_ENDPOINT_URL"):
        assert env[name] == PROFILE[name], name
    assert f":{settings.ACTIONS_PORT}/webhook" in env["ACTION_ENDPOINT_URL"]


def test_health_checks_use_the_servers_readiness_routes() -> None:
    services = COMPOSE["services"]
    assert f"127.0.0.1:{settings.ACTIONS_PORT}/health" in " ".join(services["actions"]["healthcheck"]["test"])
    assert f"127.0.0.1:{settings.RASA_PORT}/'" in " ".join(services["rasa-1"]["healthcheck"]["test"])
    assert container("career-bot-actions")["readinessProbe"]["httpGet"] == {"path": "/health", "port": 5055}
    assert container("career-bot-rasa")["readinessProbe"]["httpGet"] == {"path": "/", "port": 5005}


def test_nginx_balances_over_the_rasa_port() -> None:
    conf = (DEPLOY / "nginx.conf").read_text()
    upstream = re.search(r"upstream rasa \{(.*?)\}", conf, re.S).group(1)
    assert re.findall(r"server (rasa-\d):(\d+)", upstream) == [
        ("rasa-1", str(settings.RASA_PORT)),
        ("rasa-2", str(settings.RASA_PORT)),
    ]
    assert "proxy_next_upstream error timeout" in conf


@pytest.mark.parametrize(
    "name, command, port",
    [
        ("career-bot-actions", ACTIONS_COMMAND, settings.ACTIONS_PORT),
        ("career-bot-rasa", RASA_COMMAND, settings.RASA_PORT),
    ],
)
def test_kubernetes_runs_the_tested_commands_and_ports(name: str, command: list[str], port: int) -> None:
    spec = container(name)
    assert spec["command"] == command
    assert spec["ports"] == [{"containerPort": port}]
    assert k8s("Service", name)["spec"]["ports"][0]["port"] == port


def test_kubernetes_configuration_is_the_tested_profile() -> None:
    config = k8s("ConfigMap", "career-bot")["data"]
    secret_keys = {"CAREERBOT_KB_URL", "TRACKER_STORE_URL", *SECRETS}  # passwords and tokens: in the Secret
    assert set(config) | secret_keys == set(PROFILE)
    assert ENDPOINT_VARIABLES <= set(config) | secret_keys
    for name in set(config) - {"REDIS_HOST", "ACTION_ENDPOINT_URL"}:
        assert config[name] == PROFILE[name], name
    assert k8s("Deployment", "career-bot-rasa")["spec"]["replicas"] == 2


def test_the_image_starts_the_action_server() -> None:
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    cmd = yaml.safe_load(re.search(r"^CMD (.+)$", dockerfile, re.M).group(1))
    assert cmd == ACTIONS_COMMAND
    assert re.search(r"^EXPOSE (.+)$", dockerfile, re.M).group(1).split() == [
        str(settings.ACTIONS_PORT),
        str(settings.RASA_PORT),
    ]
    assert "FROM python:3.10" in dockerfile and "-c requirements.lock" in dockerfile

"""The production profile's services on one machine: PostgreSQL, Redis and nginx from Debian's
packages (`make packages`), started on loopback in a temporary folder and stopped afterwards.
Used by the scale-out tests and the benchmark."""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bot import settings
from bot.launch import servers
from kb import builder


def wait_for_port(port: int, process: subprocess.Popen, name: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{name} did not listen on 127.0.0.1:{port} within {timeout}s")


class Services:
    def __init__(self, pg_port: int, redis_port: int) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="careerbot-scale-"))
        self.folder.chmod(0o755)
        self.pg_port, self.redis_port = pg_port, redis_port
        self.postgres = self.redis = self.nginx = None

    # PostgreSQL refuses to run as root: as root, it runs as the `postgres` user the package created.
    def _as_postgres(self, command: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command

    def start_postgres(self, *databases: str) -> None:
        bin_dir = Path(sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1])
        data = self.folder / "pgdata"
        data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(data, "postgres")
        subprocess.run(
            self._as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"]),
            check=True,
            capture_output=True,
        )
        self.postgres = subprocess.Popen(
            self._as_postgres(
                [
                    str(bin_dir / "postgres"),
                    "-D",
                    str(data),
                    "-p",
                    str(self.pg_port),
                    "-k",
                    str(data),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "fsync=off",
                    "-c",
                    "max_connections=200",
                ]
            ),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.pg_port, self.postgres, "PostgreSQL")
        for name in databases:
            for _ in range(50):  # the server may still be finishing start-up
                done = subprocess.run(
                    [str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.pg_port), "-U", "postgres", name],
                    capture_output=True,
                )
                if done.returncode == 0:
                    break
                time.sleep(0.2)
            else:
                raise RuntimeError(done.stderr.decode())

    def url(self, database: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.pg_port}/{database}"

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.redis_port, self.redis, "Redis")

    def start_nginx(self, port: int, upstreams: list[int]) -> None:
        """Round robin over the Rasa replicas; a replica that refuses connections is skipped."""
        servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in upstreams)
        temp = self.folder / "nginx"
        temp.mkdir(exist_ok=True)
        conf = temp / "nginx.conf"
        conf.write_text(f"""
worker_processes 1;
daemon off;
pid {temp}/nginx.pid;
error_log {temp}/error.log;
events {{ worker_connections 1024; }}
http {{
  access_log {temp}/access.log;
  client_body_temp_path {temp}/body;
  proxy_temp_path {temp}/proxy;
  fastcgi_temp_path {temp}/fastcgi;
  uwsgi_temp_path {temp}/uwsgi;
  scgi_temp_path {temp}/scgi;
  upstream rasa {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://rasa;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout http_502 http_503;
      proxy_read_timeout 120s;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
""")
        self.nginx = subprocess.Popen(
            [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(conf), "-p", str(temp)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(port, self.nginx, "nginx")

    def stop(self) -> None:
        for process in (self.nginx, self.redis, self.postgres):
            servers.stop_process(process, 20)
        shutil.rmtree(self.folder, ignore_errors=True)


SECRETS = ("ACTION_SERVER_TOKEN", "CAREERBOT_SESSION_SECRET", "CAREERBOT_REST_TOKEN")
"""Shared by every replica (and Rasa with the action server); the REST channel needs its token."""


def profile_env(database_url: Callable[[str], str], redis_host: str, redis_port: int, actions_url: str) -> dict:
    """The production profile's settings (the deployment files are checked against these)."""
    return {
        **{name: secrets.token_urlsafe(24) for name in SECRETS},
        "CAREERBOT_KB_URL": database_url("careers_kb"),
        "TRACKER_STORE_URL": database_url("trackers"),
        "TRACKER_STORE_DIALECT": "postgresql",
        "LOCK_STORE_TYPE": "redis",
        "REDIS_HOST": redis_host,
        "REDIS_PORT": str(redis_port),
        "REDIS_DB": "1",
        "ACTION_ENDPOINT_URL": actions_url,
    }


class ProductionStack:
    """Rasa replicas sharing PostgreSQL (trackers) and Redis (locks), one action server reading the KB
    from PostgreSQL, nginx round robin in front; all on loopback."""

    def __init__(
        self,
        pg_port: int,
        redis_port: int,
        nginx_port: int,
        replicas: tuple[int, ...],
        actions_port: int,
        log_dir: Path,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.services = Services(pg_port, redis_port)
        self.replica_ports, self.actions_port, self.nginx_port = replicas, actions_port, nginx_port
        self.log_dir = log_dir
        actions_url = f"http://127.0.0.1:{actions_port}/webhook"
        self.env = {
            **settings.rasa_env(),
            **profile_env(self.services.url, "127.0.0.1", redis_port, actions_url),
            **(extra_env or {}),
        }
        self.actions: servers.Server | None = None
        self.replicas: dict[int, servers.Server] = {}
        self.webhook = f"http://127.0.0.1:{nginx_port}/webhooks/rest/webhook"
        self.rest_headers = {"Authorization": f"Bearer {self.env['CAREERBOT_REST_TOKEN']}"}

    def start(self) -> None:
        self.services.start_postgres("trackers", "careers_kb")
        self.services.start_redis()
        report = builder.build(settings.DOCUMENTS_DIR, self.services.url("careers_kb"))
        if not report.ok:
            raise RuntimeError(f"KB build failed: {report.errors}")
        self.start_actions()
        for port in self.replica_ports:
            self.start_replica(port)
        self.services.start_nginx(self.nginx_port, list(self.replica_ports))

    def start_actions(self) -> None:
        self.actions = servers.start_actions(self.actions_port, self.env, self.log_dir / "stack-actions.log")
        self.actions.wait_ready(120)

    def start_replica(self, port: int) -> None:
        # one at a time: each creates the tracker tables on first start
        self.replicas[port] = servers.start_rasa(port, self.env, self.log_dir / f"stack-rasa-{port}.log")
        self.replicas[port].wait_ready(240)

    def stop_servers(self) -> None:
        for server in [*self.replicas.values(), self.actions]:
            if server:
                server.stop()

    def stop(self) -> None:
        self.stop_servers()
        self.services.stop()

"""Engine and session set-up for any SQLAlchemy URL (SQLite by default, PostgreSQL too)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import MetaData, create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import sessionmaker

from kb.schema import Base


class KnowledgeBaseMissing(RuntimeError):
    """The KB database is missing or unreadable; the message names the file and the fix."""


REBUILD_HINT = "Build it with `make kb` (or `python -m bot kb`); remove a damaged file first."


def unreadable(url: str, exc: DatabaseError) -> KnowledgeBaseMissing:
    """The error for a KB file that exists but is not a usable database."""
    return KnowledgeBaseMissing(
        f"Knowledge base at {sqlite_path(url) or url} is unreadable ({exc.orig}). {REBUILD_HINT}"
    )


def sqlite_path(url: str | URL) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database)
    return None


def engine(url: str, create: bool = False) -> Engine:
    """An engine for ``url``; with ``create`` the tables are made (and the SQLite folder)."""
    path = sqlite_path(url)
    if path is not None:
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
        elif not path.is_file():
            raise KnowledgeBaseMissing(f"Knowledge base not found: {path}. {REBUILD_HINT}")
    eng = create_engine(url, future=True)
    if eng.dialect.name == "sqlite":
        event.listen(eng, "connect", lambda conn, _: conn.execute("PRAGMA foreign_keys=ON"))
    if create:
        try:
            _drop_outdated(eng)
            Base.metadata.create_all(eng)
        except DatabaseError as exc:
            raise unreadable(url, exc) from exc
    return eng


def _drop_outdated(eng: Engine) -> None:
    """A KB built by an earlier version, whose tables differ from this one's, is dropped so that it is built
    again from the documents: the KB is a build output, and an upgrade must not fail on it. Only the KB's own
    tables go, with the tables that refer to them (an earlier version's fact tables)."""
    found = MetaData()
    found.reflect(eng)
    current = {t.name: {c.name for c in t.columns} for t in Base.metadata.sorted_tables}
    if all({c.name for c in t.columns} == current[name] for name, t in found.tables.items() if name in current):
        return
    doomed = {name for name in found.tables if name in current}
    while extra := {
        t.name
        for t in found.tables.values()
        if t.name not in doomed and any(fk.column.table.name in doomed for fk in t.foreign_keys)
    }:
        doomed |= extra
    found.drop_all(eng, tables=[t for t in found.sorted_tables if t.name in doomed])


def session_factory(eng: Engine) -> sessionmaker:
    return sessionmaker(eng, future=True, expire_on_commit=False)

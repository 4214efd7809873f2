"""Engine and session set-up for any SQLAlchemy URL (SQLite by default, PostgreSQL too)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import MetaData, Table, create_engine, event, insert
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from kb.schema import Base


class KnowledgeBaseMissing(RuntimeError):
    """The KB database is missing or unreadable; the message names the file and the fix."""


BUSY_TIMEOUT_MS = 10_000  # how long a SQLite connection waits for another's lock before failing

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
        event.listen(eng, "connect", _set_up_sqlite)
    if create:
        try:
            if eng.dialect.name == "sqlite":
                with eng.connect() as connection:  # kept in the file: every later connection uses it too
                    connection.exec_driver_sql("PRAGMA journal_mode=WAL")
            _drop_outdated(eng)
            Base.metadata.create_all(eng)
        except DatabaseError as exc:
            raise unreadable(url, exc) from exc
    return eng


def _set_up_sqlite(connection: sqlite3.Connection, _record: object) -> None:
    """Foreign keys enforced, and a wait rather than an error when another connection holds a lock. With the
    write-ahead log (``journal_mode=WAL``, set when the builder opens the KB) readers never wait for the
    builder's commit: a running bot keeps answering from the KB as it was until the new one is complete."""
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


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


def insert_rows(session: Session, table: Table, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """Insert ``rows`` (values in the order of ``columns``) into ``table``.

    On SQLite the tuples go straight to the driver: SQLAlchemy's turning each row into parameters costs
    more than SQLite's insert itself (a quarter of a 1,000-document build). Elsewhere they go through
    SQLAlchemy's insert, which batches them (psycopg2's own executemany sends one statement per row)."""
    if not rows:
        return
    if session.get_bind().dialect.name == "sqlite":
        marks = ", ".join("?" * len(columns))
        session.connection().exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows)
    else:
        session.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])

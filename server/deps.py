"""FastAPI dependencies: the app context, a DB session per request, the current user."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, TypeVar

import anyio.to_thread
from anyio import CapacityLimiter
from fastapi import Depends, Path, Request
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from server.auth import repository as auth_repository
from server.auth.models import AuthSession
from server.auth.security import hash_token
from server.config import Settings
from server.db import MAX_ROW_ID, utcnow
from server.engines.registry import EngineRegistry
from server.errors import NotAuthenticated
from server.owners import Owner, OwnerUnresolved, SessionOwner
from server.storage import ObjectStore
from server.users.models import User

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

T = TypeVar("T")
R = TypeVar("R")
# Dependencies that only read memory are `async def`: a plain `def` would cost a worker-thread
# hop per request. Those that touch the database stay sync and run in the thread pool.


@dataclass
class AppContext:
    """Everything a request may need, built once per process by create_app()."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    store: ObjectStore
    engines: EngineRegistry
    # Worker threads the hot reads may use at once (None: anyio's default pool), see ``db``.
    hot_reads: CapacityLimiter | None = None
    # The hottest reads run on the event loop (``db.hot_reads_inline``).
    hot_reads_inline: bool = False


async def get_context(request: Request) -> AppContext:
    context: AppContext = request.app.state.context
    return context


ContextDep = Annotated[AppContext, Depends(get_context)]


async def get_settings(context: ContextDep) -> Settings:
    return context.settings


async def get_store(context: ContextDep) -> ObjectStore:
    return context.store


async def get_db(context: ContextDep) -> AsyncIterator[Session]:
    """A session per request, opened and closed on the event loop: a sync dependency would cost
    two worker-thread hops per request, and closing only hands the connection back to the pool
    (a rollback: microseconds on SQLite, one loopback round trip on MySQL)."""
    session = context.session_factory()
    try:
        yield session
    finally:
        session.close()


SettingsDep = Annotated[Settings, Depends(get_settings)]
StoreDep = Annotated[ObjectStore, Depends(get_store)]
DbDep = Annotated[Session, Depends(get_db)]


@dataclass(frozen=True)
class Authenticated:
    user: User
    session: AuthSession


def _bearer_token(request: Request) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated(
            "Log in to continue.", code="not_authenticated", headers={"WWW-Authenticate": "Bearer"}
        )
    return token.strip()


def _invalid_token() -> NotAuthenticated:
    return NotAuthenticated(
        "Your session has expired or was closed. Log in again.",
        code="invalid_token",
        headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
    )


def get_authenticated(request: Request, db: DbDep) -> Authenticated:
    token = _bearer_token(request)
    found = auth_repository.find_user_by_token_hash(db, hash_token(token), utcnow())
    if found is None:
        raise _invalid_token()
    return Authenticated(user=found[0], session=found[1])


AuthDep = Annotated[Authenticated, Depends(get_authenticated)]


async def get_current_user(auth: AuthDep) -> User:
    return auth.user


CurrentUser = Annotated[User, Depends(get_current_user)]


@dataclass(frozen=True)
class OwnerRead:
    """A read-only request of the hot paths: the token check and the read run in one call on a
    worker thread (a sync auth dependency plus a sync endpoint would cost two thread hops, and
    FastAPI adds a third to validate a sync endpoint's return value).

    The token is checked against the database on every request, so a logout or revocation on
    any instance is seen at once; nothing is cached in the process.
    """

    engine: Engine
    token_hash: str
    limiter: CapacityLimiter | None = None
    inline: bool = False
    #: MySQL's async read engine, opened by the app's lifespan (``db.make_async_read_engine``).
    async_engine: AsyncEngine | None = None

    async def __call__(self, read: Callable[[Connection, int], T]) -> T:
        """``read(connection, user_id)`` for the token's user, in one worker-thread hop."""
        return await self._in_worker_thread(self._run, read)

    async def folded(self, read: Callable[[Connection, Owner], T]) -> T:
        """``read(connection, owner)`` with the token check inside the read's own statement
        (``server.owners``): ``owner`` is first the token's session, and the read runs again
        with the user id only when it found nothing for the session. Inline (on the event loop)
        where ``db.hot_reads_inline`` says so."""
        if self.inline:
            return self._run_folded(read)
        if self.async_engine is not None:
            try:
                return await self._run_folded_async(self.async_engine, read)
            except DBAPIError as error:
                # A connection the server had dropped (restart, failover, idle timeout): the
                # pool is invalidated and a read is safe to run again, once.
                if not error.connection_invalidated:
                    raise
                return await self._run_folded_async(self.async_engine, read)
        return await self._in_worker_thread(self._run_folded, read)

    async def _in_worker_thread(self, run: Callable[[R], T], read: R) -> T:
        if self.limiter is None:
            return await run_in_threadpool(run, read)
        return await anyio.to_thread.run_sync(run, read, limiter=self.limiter)

    def _run(self, read: Callable[[Connection, int], T]) -> T:
        # A plain connection: these reads select columns, and an ORM session around them cost a
        # tenth of a listing (measured).
        with self.engine.connect() as connection:
            return read(connection, self._user_id(connection))

    def _run_folded(self, read: Callable[[Connection, Owner], T]) -> T:
        with self.engine.connect() as connection:
            return self._folded_on(connection, read)

    async def _run_folded_async(
        self, engine: AsyncEngine, read: Callable[[Connection, Owner], T]
    ) -> T:
        async with engine.connect() as connection:
            return await connection.run_sync(self._folded_on, read)

    def _folded_on(self, connection: Connection, read: Callable[[Connection, Owner], T]) -> T:
        try:
            return read(connection, SessionOwner(self.token_hash, utcnow()))
        except OwnerUnresolved:
            pass
        return read(connection, self._user_id(connection))

    def _user_id(self, connection: Connection) -> int:
        user_id = auth_repository.find_user_id_by_token_hash(connection, self.token_hash, utcnow())
        if user_id is None:
            raise _invalid_token()
        return user_id


async def get_owner_read(request: Request, context: ContextDep) -> OwnerRead:
    return OwnerRead(
        context.engine,
        hash_token(_bearer_token(request)),
        context.hot_reads,
        context.hot_reads_inline,
        getattr(request.app.state, "async_reads", None),
    )


OwnerReadDep = Annotated[OwnerRead, Depends(get_owner_read)]


async def client_address(request: Request, settings: SettingsDep) -> str:
    """The client's address, trusting only as many X-Forwarded-For hops as there are proxies."""
    peer = request.client.host if request.client else "unknown"
    if settings.trusted_proxies <= 0:
        return peer
    hops = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",") if h.strip()]
    if len(hops) >= settings.trusted_proxies:
        return hops[-settings.trusted_proxies][:64]
    return peer


ClientAddress = Annotated[str, Depends(client_address)]


# Ids are 32-bit on MySQL; anything outside is refused before it reaches the database.
ResourceId = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]

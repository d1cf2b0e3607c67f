"""``AsyncClient``: every REST method of :class:`opentok.Client` as an awaitable (asyncio).

Requests run on the same shared Rust runtime as the blocking client; the event loop is never
blocked. Cancelling the awaiting task aborts the HTTP request. ``generate_token`` does no I/O and
stays a plain method.
"""

import asyncio
import threading
import weakref
from collections import deque
from typing import Any, Callable, Deque, Dict, Tuple

from . import _native
from ._errors import from_native, invalid
from .opentok import _Base, _dumps, _loads
from .streamlist import StreamList

__all__ = ["AsyncClient"]


def _settle(fut: "asyncio.Future[Any]", ok: bool, payload: str, op: str, conv: Callable[[Any], Any]) -> None:
    if fut.done():
        return
    if ok:
        try:
            fut.set_result(conv(_loads(payload)))
        except BaseException as e:  # a converter failure belongs to the awaiting task
            fut.set_exception(e)
        return
    err = from_native(op, _NativeErrorPayload(payload))
    if op == "list_streams" and err.status == 404:
        fut.set_result(StreamList({"count": 0, "items": []}))
    else:
        fut.set_exception(err)


class _NativeErrorPayload(Exception):
    pass


_Item = Tuple["asyncio.Future[Any]", bool, str, str, Callable[[Any], Any]]


class _Completions:
    """Hands results from runtime threads to one event loop, waking it once per batch."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.items: Deque[_Item] = deque()
        self.lock = threading.Lock()
        self.scheduled = False

    def push(self, item: _Item) -> None:  # runtime thread
        self.items.append(item)
        with self.lock:
            if self.scheduled:
                return
            self.scheduled = True
        try:
            self.loop.call_soon_threadsafe(self.drain)
        except RuntimeError:  # the loop was closed meanwhile
            pass

    def drain(self) -> None:  # loop thread
        with self.lock:
            self.scheduled = False
        items = self.items
        while items:
            _settle(*items.popleft())


class AsyncClient(_Base):
    """The OpenTok client for asyncio: the same constructor and methods as :class:`opentok.Client`,
    each REST method returning an awaitable."""

    def _run(self, op: str, args: Dict[str, Any], conv: Callable[[Any], Any], all_pages: bool = False) -> Any:
        loop = asyncio.get_running_loop()
        fut: "asyncio.Future[Any]" = loop.create_future()
        native = self._native()
        completions = self._completions.get(loop)
        if completions is None:
            completions = self._completions[loop] = _Completions(loop)
        push = completions.push

        def done(ok: bool, payload: str) -> None:  # called on a runtime thread
            push((fut, ok, payload, op, conv))

        try:
            args_json = _dumps(args)
        except (TypeError, ValueError) as e:
            raise invalid(op, "args", str(e)) from None
        try:
            if all_pages:
                handle = native.call_all_async(op, args_json, done)
            else:
                handle = native.call_async(op, args_json, done)
        except _native.NativeError as e:
            raise from_native(op, e) from None

        def on_done(f: "asyncio.Future[Any]") -> None:
            if f.cancelled():
                handle.abort()

        fut.add_done_callback(on_done)
        return fut

    @property
    def _completions(self) -> "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Completions]":
        c = self.__dict__.get("_completions_map")
        if c is None:
            c = self.__dict__.setdefault("_completions_map", weakref.WeakKeyDictionary())
        return c  # type: ignore[no-any-return]

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None

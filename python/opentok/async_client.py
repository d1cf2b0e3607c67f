"""``AsyncClient``: every REST method of :class:`opentok.Client` as an awaitable (asyncio).

Requests run on the same shared Rust runtime as the blocking client; the event loop is never
blocked. Cancelling the awaiting task aborts the HTTP request. ``generate_token`` does no I/O and
stays a plain method.
"""

import asyncio
import itertools
import socket
import sys
import weakref
from typing import Any, Callable, Dict, Tuple

from . import _native
from . import _plumbing
from ._plumbing import _loads, from_native
from .opentok import _Base
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


_Pending = Tuple["asyncio.Future[Any]", str, Callable[[Any], Any]]


class _Completions:
    """One per event loop: finished calls are queued natively (no GIL on the runtime threads) and the
    first of each batch wakes the loop through a Unix socket it watches; the loop settles the batch."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.native = _native.Completions()
        self.sock = socket.socket(fileno=self.native.take_reader_fd())
        self.sock.setblocking(False)
        self.pending: Dict[int, _Pending] = {}
        self.next_id = itertools.count(1)
        loop.add_reader(self.sock.fileno(), self.drain)

    def drain(self) -> None:  # loop thread
        try:
            while self.sock.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        pending = self.pending
        for call_id, ok, payload in self.native.drain():
            entry = pending.pop(call_id, None)
            if entry is not None:
                fut, op, conv = entry
                _settle(fut, ok, payload, op, conv)


class AsyncClient(_Base):
    """The OpenTok client for asyncio: the same constructor and methods as :class:`opentok.Client`,
    each REST method returning an awaitable."""

    def _run(self, op: str, args: Dict[str, Any], conv: Callable[[Any], Any], all_pages: bool = False, http: bool = False) -> Any:
        loop = asyncio.get_running_loop()
        native = self._native()
        args_json = self._args_json(op, args)
        if _plumbing._logger is not None or "logging" in sys.modules:
            if _plumbing._debug_enabled():
                _plumbing._log_request(native, op, args_json, self._proxies)
        if self._use_host():
            return self._run_host(loop, native, op, args_json, conv, all_pages, http)
        _plumbing._counters["native"] += 1
        fut: "asyncio.Future[Any]" = loop.create_future()
        completions = self._completions.get(loop)
        if completions is None:
            completions = self._completions[loop] = _Completions(loop)
        call_id = next(completions.next_id)
        try:
            if http:
                handle = native.submit_http(op, args_json, completions.native, call_id)
            elif all_pages:
                handle = native.submit_all(op, args_json, completions.native, call_id)
            else:
                handle = native.submit(op, args_json, completions.native, call_id)
        except _native.NativeError as e:
            raise from_native(op, e) from None
        completions.pending[call_id] = (fut, op, conv)

        def on_done(f: "asyncio.Future[Any]") -> None:
            if f.cancelled():
                handle.abort()
                completions.pending.pop(call_id, None)

        fut.add_done_callback(on_done)
        return fut

    async def _run_host(
        self, loop: asyncio.AbstractEventLoop, native: Any, op: str, args_json: str, conv: Callable[[Any], Any], all_pages: bool, http: bool
    ) -> Any:
        # The host stack blocks: run it in a worker thread so the event loop is never blocked.
        try:
            out = await loop.run_in_executor(None, self._host_call, native, op, args_json, all_pages, http)
        except _native.NativeError as e:
            err = from_native(op, e)
            if op == "list_streams" and err.status == 404:
                return StreamList({"count": 0, "items": []})
            raise err from None
        return conv(_loads(out))

    @property
    def _completions(self) -> "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Completions]":
        d = self.__dict__
        c = d.get("_completions_map")
        if c is None or d.get("_completions_gen") != _plumbing._fork_gen:
            # first use, or a forked child: the parent's queues and in-flight calls do not exist here
            c = d["_completions_map"] = weakref.WeakKeyDictionary()
            d["_completions_gen"] = _plumbing._fork_gen
        return c  # type: ignore[no-any-return]

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None

"""``AsyncClient``: every REST method of :class:`opentok.Client` as an awaitable (asyncio).

Requests run on the same shared Rust runtime as the blocking client; the event loop is never
blocked. Cancelling the awaiting task aborts the HTTP request. ``generate_token`` does no I/O and
stays a plain method.
"""

import asyncio
from typing import Any, Callable, Dict

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


class AsyncClient(_Base):
    """The OpenTok client for asyncio: the same constructor and methods as :class:`opentok.Client`,
    each REST method returning an awaitable."""

    def _run(self, op: str, args: Dict[str, Any], conv: Callable[[Any], Any], all_pages: bool = False) -> Any:
        loop = asyncio.get_running_loop()
        fut: "asyncio.Future[Any]" = loop.create_future()
        native = self._native()

        def done(ok: bool, payload: str) -> None:  # called on a runtime thread
            try:
                loop.call_soon_threadsafe(_settle, fut, ok, payload, op, conv)
            except RuntimeError:  # the loop was closed meanwhile
                pass

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

    async def __aenter__(self) -> "AsyncClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        return None

"""AsyncClient: the same methods as awaitables; gather of 200 calls; cancellation aborts the request."""

import asyncio
import time
from typing import Any

import pytest

import opentok
from opentok.exceptions import AuthError, BroadcastError, NotFoundError, RequestTimeoutError

from conftest import API_KEY, API_SECRET, poll


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_async_surface_matches_client() -> None:
    public = {n for n in dir(opentok.Client) if not n.startswith("_")}
    assert public <= set(dir(opentok.AsyncClient))


def test_async_lifecycle(emulator: Any) -> None:
    async def main() -> None:
        async with opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url) as c:
            s = await c.create_session(media_mode=opentok.MediaModes.routed)
            emulator.stream(s.session_id)
            a = await c.start_archive(s.session_id, name="async")
            assert a.status == "started"
            await a.stop()
            assert a.status == "stopped"
            lst = await c.list_archives(session_id=s.session_id)
            assert lst.count == 1
            assert len(await c.list_all_archives()) == 1
            with pytest.raises(NotFoundError):
                await c.get_archive("nope")
            with pytest.raises(BroadcastError):
                await c.get_broadcast("nope")
            assert (await c.list_streams(s.session_id)).count == 1
            assert c.generate_token(s.session_id).count(".") == 2  # no I/O: a plain call

    run(main())


def test_async_auth_error(emulator: Any) -> None:
    async def main() -> None:
        c = opentok.AsyncClient(API_KEY, "0" * 40, api_url=emulator.url)
        with pytest.raises(AuthError) as ei:
            await c.get_archive("x")
        assert ei.value.status == 403

    run(main())


def test_gather_200(emulator: Any) -> None:
    sid = emulator.session()

    async def main() -> None:
        c = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url)
        results = await asyncio.gather(*[c.list_archives(session_id=sid) for _ in range(200)])
        assert len(results) == 200 and all(r.count == 0 for r in results)

    run(main())
    assert len(emulator.requests()) == 200


def test_cancel_aborts_request(emulator: Any) -> None:
    emulator.fault(latencyMs=3000, count=1)

    async def main() -> None:
        c = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url, timeout=10)
        task = asyncio.ensure_future(c.get_archive("slow"))
        await asyncio.sleep(0)
        poll(lambda: len(emulator.requests()) == 1)  # the request reached the server
        t = time.monotonic()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert time.monotonic() - t < 0.5
        # the loop and client keep working
        emulator.admin("DELETE", "/_emulator/faults")
        with pytest.raises(NotFoundError):
            await c.get_archive("x")

    run(main())


def test_wait_for_timeout_cancels(emulator: Any) -> None:
    emulator.fault(latencyMs=3000, count=1)

    async def main() -> None:
        c = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url, timeout=10)
        t = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(c.get_archive("slow"), 0.2)
        assert time.monotonic() - t < 1.0

    run(main())


def test_async_client_timeout(emulator: Any) -> None:
    emulator.fault(latencyMs=2000, count=1)

    async def main() -> None:
        c = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url, timeout=0.2, max_retries=0)
        with pytest.raises(RequestTimeoutError):
            await c.get_archive("x")

    run(main())


def test_event_loop_not_blocked(emulator: Any) -> None:
    emulator.fault(latencyMs=300, count=1)

    async def main() -> None:
        c = opentok.AsyncClient(API_KEY, API_SECRET, api_url=emulator.url)
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                ticks += 1
                await asyncio.sleep(0.01)

        t = asyncio.ensure_future(ticker())
        with pytest.raises(NotFoundError):
            await c.get_archive("x")
        t.cancel()
        assert ticks >= 10

    run(main())


def test_stub_lists_every_method() -> None:
    import ast
    from pathlib import Path

    tree = ast.parse((Path(opentok.__file__).parent / "async_client.pyi").read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "AsyncClient")
    stubbed = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    methods = {n for n in dir(opentok.opentok._Base) if not n.startswith("_") and callable(getattr(opentok.opentok._Base, n))}
    assert len(methods) >= 50, sorted(methods)  # the area mixins are part of _Base
    assert methods <= stubbed, sorted(methods - stubbed)

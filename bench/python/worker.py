"""One benchmark measurement in a fresh interpreter; prints JSON. Works with either package as `opentok`.

usage: worker.py tokens|rest|async|import URL N
"""

import json
import sys
import time

API_KEY = "123456"
API_SECRET = "0123456789abcdef0123456789abcdef01234567"


def rss_kib() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main() -> None:
    what, url, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if what == "import":
        rss0 = rss_kib()
        t = time.perf_counter()
        import opentok  # noqa: F401

        dt = time.perf_counter() - t
        print(json.dumps({"seconds": dt, "rss_kib": rss_kib(), "rss_before_kib": rss0}))
        return
    import opentok

    client = opentok.Client(API_KEY, API_SECRET, api_url=url)
    if what == "tokens":
        sid = client.create_session().session_id
        for _ in range(200):
            client.generate_token(sid)
        t = time.perf_counter()
        for _ in range(n):
            client.generate_token(sid, role=opentok.Roles.publisher, data="name=bench")
        dt = time.perf_counter() - t
    elif what == "rest":
        archive_id = sys.argv[4]
        for _ in range(20):
            client.get_archive(archive_id)
        t = time.perf_counter()
        for _ in range(n):
            a = client.get_archive(archive_id)
            assert a.id == archive_id
        dt = time.perf_counter() - t
    elif what == "async":
        import asyncio

        archive_id = sys.argv[4]
        aclient = opentok.AsyncClient(API_KEY, API_SECRET, api_url=url)

        async def run() -> float:
            async def worker(k: int) -> None:
                for _ in range(k):
                    a = await aclient.get_archive(archive_id)
                    assert a.id == archive_id

            await asyncio.gather(*[worker(2) for _ in range(64)])  # warm-up
            t0 = time.perf_counter()
            await asyncio.gather(*[worker(n // 64) for _ in range(64)])
            return time.perf_counter() - t0

        dt = asyncio.run(run())
        n = (n // 64) * 64
    else:
        raise SystemExit(f"unknown measurement {what}")
    print(json.dumps({"n": n, "seconds": dt, "per_second": n / dt}))


if __name__ == "__main__":
    main()

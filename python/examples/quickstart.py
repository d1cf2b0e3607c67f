"""Quick start: create a session, mint tokens, record an archive, list it (also with asyncio).

Runs against the real API when OPENTOK_API_KEY / OPENTOK_API_SECRET are set (OPENTOK_API_URL
optional), otherwise against the emulator whose URL is in OPENTOK_API_URL (`make demo-python`
starts one).
"""

import asyncio
import os
import sys

import opentok
from opentok import ArchiveModes, MediaModes, OpenTokException, Roles


def main() -> int:
    api_key = os.environ.get("OPENTOK_API_KEY", "123456")
    api_secret = os.environ.get("OPENTOK_API_SECRET", "0123456789abcdef0123456789abcdef01234567")
    api_url = os.environ.get("OPENTOK_API_URL")
    client = opentok.Client(api_key, api_secret, api_url=api_url, timeout=10)
    print(f"talking to {client.api_url}")

    session = client.create_session(media_mode=MediaModes.routed, archive_mode=ArchiveModes.manual)
    print(f"session   {session.session_id}")
    token = session.generate_token(role=Roles.moderator, data="name=Quick Start", initial_layout_class_list=["focus"])
    print(f"token     {token[:48]}...")

    try:
        archive = client.start_archive(session.session_id, name="quick start")
        print(f"archive   {archive.id} {archive.status}")
        archive.stop()
        print(f"stopped   {archive.id} {archive.status}")
    except OpenTokException as e:
        # On the real service an archive needs a connected client; the emulator answers the same way.
        print(f"archive   not started: {type(e).__name__} (HTTP {e.status}): {e.server_message}")

    archives = client.list_archives(session_id=session.session_id)
    print(f"archives  {archives.count} in this session")

    async def concurrently() -> int:
        aclient = opentok.AsyncClient(api_key, api_secret, api_url=api_url, timeout=10)
        pages = await asyncio.gather(*[aclient.list_archives(count=1) for _ in range(10)])
        return len(pages)

    print(f"async     {asyncio.run(concurrently())} list calls in parallel")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""jwt_livetime (minutes) sets the lifetime of the REST auth JWT the service receives."""
import base64
import json
from typing import Any

import pytest

from opentok.exceptions import InvalidArgumentError


def _lifetime(emulator: Any) -> int:
    token = emulator.requests()[-1]["headers"]["x-opentok-auth"]
    payload = token.split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    return int(claims["exp"]) - int(claims["iat"])


def test_default_is_three_minutes(client: Any, emulator: Any) -> None:
    assert client.jwt_livetime == 3
    client.list_archives()
    assert _lifetime(emulator) == 180


@pytest.mark.parametrize("minutes, seconds", [(5, 300), (1, 60), (0.5, 30)])
def test_jwt_livetime_is_sent(client: Any, emulator: Any, minutes: float, seconds: int) -> None:
    client.jwt_livetime = minutes
    assert client.jwt_livetime == minutes
    client.list_archives()
    assert _lifetime(emulator) == seconds


@pytest.mark.parametrize("minutes", [6, 0, -1, 0.001, "3", None, True, float("nan")])
def test_beyond_the_service_limit_is_refused(client: Any, emulator: Any, minutes: Any) -> None:
    with pytest.raises(InvalidArgumentError) as ei:
        client.jwt_livetime = minutes
    assert ei.value.field == "jwt_livetime"
    assert client.jwt_livetime == 3  # unchanged, and requests still work
    client.list_archives()
    assert _lifetime(emulator) == 180

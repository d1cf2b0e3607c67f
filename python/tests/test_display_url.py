"""Credentials written into api_url are redacted wherever the URL is displayed (repr), not in the value."""
import opentok
from opentok import _native

SECRET = "0123456789abcdef0123456789abcdef01234567"


def test_repr_redacts_url_credentials() -> None:
    c = opentok.Client("123456", SECRET, api_url="http://user:hunter2@127.0.0.1:9/base")
    assert c.api_url == "http://user:hunter2@127.0.0.1:9/base"  # the attribute keeps the value
    for text in (repr(c), repr(c._native()), c._native().display_url):
        assert "hunter2" not in text and "user:" not in text, text
        assert "***@127.0.0.1:9" in text, text
    assert _native.display_url("https://api.opentok.com") == "https://api.opentok.com"


def test_repr_of_a_half_built_client_does_not_raise() -> None:
    c = opentok.Client.__new__(opentok.Client)
    assert "Client" in repr(c)

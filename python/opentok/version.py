__version__ = "3.15.0"
"""The version of the official ``opentok`` package whose public API this package re-creates (code that
checks ``opentok.__version__`` keeps working; it is also the default ``app_version`` in the User-Agent,
as in the official package)."""

__official_api_version__ = __version__
"""Same as ``__version__``."""

__rs_version__ = "0.1.0"
"""Version of the ``opentok-rs`` distribution."""

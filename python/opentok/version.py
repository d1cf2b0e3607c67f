__version__ = "0.1.0"
"""Version of the ``opentok-rs`` distribution."""

__official_api_version__ = "3.15.0"
"""Version of the official ``opentok`` package whose public API this package re-creates."""

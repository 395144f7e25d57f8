"""Clean peer drivers: each runs under its peer's own interpreter (``.peers/<peer>/bin/python``)
through the peer's public API, without observers or patches, and prints its timings."""

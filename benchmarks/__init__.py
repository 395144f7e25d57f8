"""Benchmarks: `make bench` runs every `bench_*.py` module's `main()`.

Each benchmark compares detente against a named baseline in the same run and prints ratios;
nothing here is asserted in tests.
"""

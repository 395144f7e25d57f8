"""The sdist and the wheel built from it carry the whole package and its data, and no tests.

Built as a user or a packager would (``python -m build``: the sdist, then the wheel from the
sdist), without build isolation so that it runs offline: it needs ``build``, ``wheel`` and
setuptools >= 77 in the environment (the ``test`` extra installs them). The source is a copy
of the tracked files, so the checkout itself gets no ``build/`` or ``*.egg-info``.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the package data of every kind, as pyproject.toml declares it: each folder must be non-empty
# in the checkout (so the test cannot pass on nothing) and whole in the sdist and the wheel
DATA = ("src/detente/examples/data/", "src/detente/cases/data/", "src/detente/record/data/",
        "src/detente/text/data/", "src/detente/text/data/examples/",
        "src/detente/web/static/", "src/detente/web/templates/", "src/detente/report/")


def _builder_missing() -> str | None:
    for mod in ("build", "wheel"):
        if importlib.util.find_spec(mod) is None:
            return mod
    import setuptools

    if int(setuptools.__version__.split(".")[0]) < 77:
        return f"setuptools>=77 (have {setuptools.__version__})"
    return None


def _tracked() -> list[str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed: the tracked files are unknown")
    r = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False)
    if r.returncode != 0:
        pytest.skip("not a git checkout")
    return [f for f in r.stdout.decode().split("\0") if f and (ROOT / f).is_file()]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str], list[str]]:
    """(tracked files of the package, the sdist's files, the wheel's files), paths from the
    project root (the wheel's under ``src/``)."""
    missing = _builder_missing()
    if missing:
        pytest.skip(f"building needs {missing}: pip install -e '.[test]'")
    tracked = _tracked()
    tmp = tmp_path_factory.mktemp("packaging")
    src, dist = tmp / "src", tmp / "dist"
    for f in tracked:
        (src / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / f, src / f)
    r = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(dist),
                        str(src)], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    (sdist,) = dist.glob("*.tar.gz")
    (wheel,) = dist.glob("*.whl")
    with tarfile.open(sdist) as t:
        top = t.getnames()[0].split("/")[0]
        in_sdist = [n.removeprefix(top + "/") for n in t.getnames()
                    if t.getmember(n).isfile()]
    with zipfile.ZipFile(wheel) as z:
        in_wheel = ["src/" + n for n in z.namelist() if n.startswith("detente/")]
    package = [f for f in tracked if f.startswith("src/detente/")
               and not Path(f).name.startswith(".")]  # .gitkeep: no content
    return package, in_sdist, in_wheel


def test_the_sdist_and_the_wheel_carry_every_package_file(
        built: tuple[list[str], list[str], list[str]]) -> None:
    package, in_sdist, in_wheel = built
    for folder in DATA:
        assert any(f.startswith(folder) and not f.endswith(".py") for f in package), folder
    assert sorted(set(package) - set(in_sdist)) == []
    assert sorted(set(package) - set(in_wheel)) == []
    assert "src/detente/web/static/app.js" in in_wheel  # the dashboard's script
    assert "src/detente/py.typed" in in_wheel


def test_the_sdist_has_no_tests_and_stays_small(
        built: tuple[list[str], list[str], list[str]]) -> None:
    _, in_sdist, _ = built
    assert not [f for f in in_sdist if f.startswith("tests/")]
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        assert name in in_sdist
    outside = [f for f in in_sdist if not f.startswith("src/")
               and f not in ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in",
                             "setup.cfg", "PKG-INFO")]
    assert outside == []

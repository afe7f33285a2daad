"""pytest set-up for the embedded/packaging tests (tests/packaging/run.sh runs them with the
interop venv's Python, which has the real Pyro5 5.17 client)."""

import os
import sys

# Client-side Pyro config must be clean before Pyro5 is imported.
for _k in [k for k in os.environ if k.startswith("PYRO_")]:
    del os.environ[_k]

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

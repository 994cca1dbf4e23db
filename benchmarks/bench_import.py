"""How long `import crmlearn` adds on top of `import pandas` (target: under 0.25 s).

Each measurement is a fresh interpreter; the script prints the best and the median of 7.
"""
from __future__ import annotations

import statistics
import subprocess
import sys

CODE = (
    "import time; t0 = time.perf_counter(); import pandas, numpy; t1 = time.perf_counter(); "
    "import crmlearn; t2 = time.perf_counter(); import sys; "
    "heavy = [m for m in ('matplotlib', 'scipy', 'sklearn', 'ipywidgets') if m in sys.modules]; "
    "print(t1 - t0, t2 - t1, ','.join(heavy) or '-')"
)


def main(runs: int = 7) -> None:
    pandas_times, added = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True).stdout.split()
        pandas_times.append(float(out[0]))
        added.append(float(out[1]))
        heavy = out[2]
    print(f"import pandas+numpy: best {min(pandas_times):.3f} s, median {statistics.median(pandas_times):.3f} s")
    print(f"import crmlearn adds: best {min(added):.3f} s, median {statistics.median(added):.3f} s (target < 0.250 s)")
    print(f"heavy modules loaded by import crmlearn: {heavy}")


if __name__ == "__main__":
    main()

"""Run every benchmark in turn (``make bench``); each prints its own figures.

Pass ``--quick`` for a small run (1 million transactions) that checks the scripts work.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    runs = [
        ["bench_import.py"],
        ["bench_grading.py"] + (["--rows", "1000000"] if quick else []),
        ["bench_clv.py"] + (["--rows", "1000000", "--customers", "100000"] if quick else []),
        ["bench_report.py"] + (["--rows", "200000"] if quick else []),
    ]
    status = 0
    for script, *args in runs:
        print(f"\n=== {script} {' '.join(args)}", flush=True)
        status |= subprocess.run([sys.executable, str(HERE / script), *args], cwd=HERE.parent).returncode
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

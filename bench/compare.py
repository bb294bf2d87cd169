#!/usr/bin/env python3
"""Compare the training speed of `backstep train` with the NumPy reference and with JAX
(every epoch fused in one jit-compiled `lax.scan`, bench/jax_scan.py).

    python3 bench/compare.py SCENARIO [--epochs-rust N] [--epochs-numpy M] [--epochs-jax J]
                             [--rounds R] [--binary PATH]

SCENARIO is passed unchanged to both programs: a scenario file path, or a built-in name
(backstep has its built-ins compiled in; the NumPy reference reads scenarios/NAME.toml).
Both programs end with a line

    trained 12345 iterations in 0.123 s (9876.5 ns/iteration)

which is parsed from their combined stdout and stderr. The result is both per-iteration
times and the ratio NumPy / backstep.

Epoch counts: when --epochs-rust / --epochs-numpy are given they are used as they are.
Otherwise each program is calibrated: it is run with a small epoch count that is scaled
up until its training loop takes at least --min-time seconds (default 1.0), so that tiny
one-sample scenarios and large mini-batch ones both get a meaningful measurement
without hand-tuning. Then the programs run --rounds times (default 5) interleaved,
backstep, NumPy, JAX, backstep, …, with those epoch counts, and the median of each
program's rounds is reported with the ratios NumPy / backstep and JAX / backstep.

JAX is optional: without it the JAX column is skipped and the script says how to install
it (`pip install "jax[cpu]"`).
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
REFERENCE = REPO_ROOT / "bench" / "numpy_reference.py"
JAX_SCAN = REPO_ROOT / "bench" / "jax_scan.py"
DEFAULT_BINARY = REPO_ROOT / "target" / "release" / "backstep"

TRAINED_RE = re.compile(
    r"trained\s+(\d+)\s+iterations\s+in\s+([0-9.eE+-]+)\s*s\s*"
    r"\(\s*([0-9.eE+-]+)\s*ns/iteration\s*\)"
)

START_EPOCHS = 10
MAX_ROUNDS = 12


class BenchError(Exception):
    pass


@dataclass
class Result:
    label: str
    epochs: int
    iterations: int
    seconds: float  # as printed (3 decimals)
    ns_per_iteration: float

    @property
    def loop_seconds(self) -> float:
        """Training-loop time from the more precise ns/iteration figure."""
        return self.iterations * self.ns_per_iteration * 1e-9


def run_once(label: str, cmd: list[str], epochs: int, timeout: float | None) -> Result:
    full = cmd + ["--epochs", str(epochs)]
    try:
        proc = subprocess.run(full, cwd=os.getcwd(), stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, timeout=timeout)
    except FileNotFoundError as e:
        raise BenchError(f"{label}: cannot run {shlex.join(full)}: {e}") from None
    except PermissionError as e:
        raise BenchError(f"{label}: cannot run {shlex.join(full)}: {e}") from None
    except subprocess.TimeoutExpired:
        raise BenchError(f"{label}: {shlex.join(full)} did not finish within {timeout} s") from None
    output = proc.stdout or ""
    if proc.returncode != 0:
        raise BenchError(f"{label}: {shlex.join(full)} exited with status {proc.returncode}; "
                         f"its output ended with:\n{tail(output)}")
    matches = TRAINED_RE.findall(output)
    if not matches:
        raise BenchError(f"{label}: {shlex.join(full)} printed no line of the form "
                         f"'trained N iterations in S s (X ns/iteration)'; its output ended with:\n"
                         f"{tail(output)}")
    iterations, seconds, ns = matches[-1]
    result = Result(label, epochs, int(iterations), float(seconds), float(ns))
    if result.iterations <= 0:
        raise BenchError(f"{label}: {shlex.join(full)} trained 0 iterations (empty training set?)")
    return result


def tail(text: str, lines: int = 15) -> str:
    rows = text.rstrip().splitlines()[-lines:]
    return "\n".join("    " + r for r in rows) if rows else "    (no output)"


def measure(label: str, cmd: list[str], epochs: int | None, min_time: float,
            timeout: float | None, verbose: bool) -> Result:
    if epochs is not None:
        return run_once(label, cmd, epochs, timeout)
    e = START_EPOCHS
    for _ in range(MAX_ROUNDS):
        r = run_once(label, cmd, e, timeout)
        t = r.loop_seconds
        if verbose:
            print(f"  calibrating {label}: {e} epochs -> {t:.4f} s", file=sys.stderr)
        if t >= min_time:
            return r
        factor = 1000.0 if t <= 0 else min(1000.0, max(2.0, 1.2 * min_time / t))
        e = math.ceil(e * factor)
    return r


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def describe(r: Result) -> str:
    return (f"{r.iterations} iterations ({r.epochs} epochs) in {r.loop_seconds:.3f} s "
            f"= {r.ns_per_iteration:,.1f} ns/iteration")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Time `backstep train` against the from-scratch NumPy reference.")
    parser.add_argument("scenario", help="scenario file path or built-in name")
    parser.add_argument("--epochs-rust", type=int, metavar="N",
                        help="epochs for backstep (default: calibrated to --min-time)")
    parser.add_argument("--epochs-numpy", type=int, metavar="M",
                        help="epochs for the NumPy reference (default: calibrated to --min-time)")
    parser.add_argument("--epochs-jax", type=int, metavar="J",
                        help="epochs for the JAX scan trainer (default: calibrated to --min-time)")
    parser.add_argument("--rounds", type=int, default=5, metavar="R",
                        help="interleaved rounds after calibration; medians are reported (default 5)")
    parser.add_argument("--binary", type=Path, default=DEFAULT_BINARY, metavar="PATH",
                        help=f"backstep executable (default: {DEFAULT_BINARY.relative_to(REPO_ROOT)} "
                             "in the repository)")
    parser.add_argument("--min-time", type=float, default=1.0, metavar="SECONDS",
                        help="calibrated runs train for at least this long (default 1.0)")
    parser.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS",
                        help="give up on a single run after this long (default 600)")
    parser.add_argument("-v", "--verbose", action="store_true", help="show calibration runs")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # keep progress and errors in order

    for name in ("epochs_rust", "epochs_numpy", "epochs_jax", "rounds"):
        value = getattr(args, name)
        if value is not None and value < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")

    binary = args.binary
    if not binary.is_file():
        print(f"compare: error: backstep binary not found at {binary}\n"
              f"  build it first with `cargo build --release` in {REPO_ROOT}, "
              f"or pass --binary PATH", file=sys.stderr)
        return 2
    if not os.access(binary, os.X_OK):
        print(f"compare: error: {binary} is not executable", file=sys.stderr)
        return 2

    rust_cmd = [str(binary), "train", args.scenario]
    numpy_cmd = [sys.executable, str(REFERENCE), args.scenario]

    commands = [("backstep", [str(binary), "train", args.scenario], args.epochs_rust),
                ("numpy", [sys.executable, str(REFERENCE), args.scenario], args.epochs_numpy)]
    if jax_installed():
        commands.append(("jax scan", [sys.executable, str(JAX_SCAN), args.scenario],
                         args.epochs_jax))
    else:
        print('compare: JAX is not installed, so it is left out; install it with '
              '`pip install "jax[cpu]"`', file=sys.stderr)

    print(f"scenario: {args.scenario}")
    print(f"machine:  {cpu_name()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    try:
        epochs = [measure(label, cmd, e, args.min_time, args.timeout, args.verbose).epochs
                  for label, cmd, e in commands]
        rounds: list[list[Result]] = [[] for _ in commands]
        for _ in range(args.rounds):
            for (label, cmd, _), e, runs in zip(commands, epochs, rounds):
                runs.append(run_once(label, cmd, e, args.timeout))
    except BenchError as e:
        print(f"compare: error: {e}", file=sys.stderr)
        return 1

    medians = [sorted(runs, key=lambda r: r.ns_per_iteration)[len(runs) // 2] for runs in rounds]
    for (label, _, _), median in zip(commands, medians):
        print(f"{label + ':':<9} {describe(median)} (median of {args.rounds})")
    rust = medians[0]
    if rust.ns_per_iteration <= 0:
        print("compare: error: backstep reported 0 ns/iteration; use more epochs "
              "(--epochs-rust)", file=sys.stderr)
        return 1
    for (label, _, _), median in zip(commands[1:], medians[1:]):
        print(f"ratio {label}: {median.ns_per_iteration / rust.ns_per_iteration:.2f}x "
              f"({label} ns/iteration / backstep ns/iteration)")
    return 0


def jax_installed() -> bool:
    found = subprocess.run([sys.executable, "-c", "import jax"], capture_output=True)
    return found.returncode == 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""JAX (float64) MLP trainer with every epoch fused in one jit-compiled `jax.lax.scan`:
the strongest peer for `backstep train`.

    python3 bench/jax_scan.py SCENARIO [--epochs N]

It reads scenarios with bench/numpy_reference.py's code (same network, initialisation,
data, losses, deltas and updates) and trains all epochs in one compiled function: a
`lax.scan` over the epochs whose body gathers the epoch's samples and scans over its full
batches (a smaller last batch is one more step). Each epoch's sample order is drawn with
NumPy's seeded generator, as the NumPy reference draws it. Compilation happens in a
warm-up run of the same function, outside the timing. The last line printed is

    trained 12345 iterations in 0.123 s (9876.5 ns/iteration)

Install JAX with `pip install "jax[cpu]"`.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import numpy_reference as nr  # noqa: E402

try:
    import jax
    import jax.numpy as jnp
except ImportError:
    print('jax_scan: JAX is not installed; install it with: pip install "jax[cpu]"', file=sys.stderr)
    sys.exit(3)

jax.config.update("jax_enable_x64", True)


def activate(kind, z):
    if kind == "sigmoid":
        return 1.0 / (1.0 + jnp.exp(-z))
    if kind == "tanh":
        return jnp.tanh(z)
    if kind == "relu":
        return jnp.maximum(z, 0.0)
    if kind == "linear":
        return z
    e = jnp.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def derivative(kind, z, a):
    if kind == "sigmoid":
        return a * (1.0 - a)
    if kind == "tanh":
        return 1.0 - a * a
    if kind == "relu":
        return (z > 0.0).astype(z.dtype)
    return jnp.ones_like(z)


def output_delta(act, loss, net, o, d):
    if act == "softmax" and loss == "cross-entropy":
        return o * d.sum(axis=1, keepdims=True) - d
    if act == "sigmoid" and loss == "binary-cross-entropy":
        return o - d
    if loss == "mse":
        g = 2.0 * (o - d)
    elif loss == "half-mse":
        g = o - d
    else:
        oc = jnp.clip(o, nr.EPS, 1.0 - nr.EPS)
        g = -d / oc if loss == "cross-entropy" else (oc - d) / (oc * (1.0 - oc))
    if act == "softmax":
        return o * (g - (g * o).sum(axis=1, keepdims=True))
    return g * derivative(act, net, o)


def make_step(acts, loss, lr, use_bias, learn_bias):
    """One iteration on one batch (samples are rows), as the NumPy reference does it."""

    def step(params, batch):
        W, b = params
        xb, yb = batch
        nets, outs, a = [], [xb], xb
        for l, act in enumerate(acts):
            z = a @ W[l].T
            if use_bias:
                z = z + b[l]
            a = activate(act, z)
            nets.append(z)
            outs.append(a)
        delta = output_delta(acts[-1], loss, nets[-1], a, yb)
        m = xb.shape[0]
        W, b = list(W), list(b)
        new_W, new_b = list(W), list(b)
        for l in range(len(acts) - 1, -1, -1):
            gw = (delta.T @ outs[l]) / m
            new_W[l] = W[l] - lr * gw
            if learn_bias:
                new_b[l] = b[l] - lr * delta.mean(axis=0)
            if l > 0:
                delta = (delta @ W[l]) * derivative(acts[l - 1], nets[l - 1], outs[l])
        return (tuple(new_W), tuple(new_b)), None

    return step


def make_training(step, n, batch_size):
    """All epochs in one compiled function: a scan over the epochs' sample orders whose body
    scans over the epoch's batches."""
    full = n // batch_size
    rest = n - full * batch_size

    def epoch(params, x, y, perm):
        xs, ys = x[perm], y[perm]
        xb = xs[: full * batch_size].reshape(full, batch_size, -1)
        yb = ys[: full * batch_size].reshape(full, batch_size, -1)
        params, _ = jax.lax.scan(step, params, (xb, yb))
        if rest:
            params, _ = step(params, (xs[full * batch_size:], ys[full * batch_size:]))
        return params

    @jax.jit
    def training(params, x, y, orders):
        return jax.lax.scan(lambda p, perm: (epoch(p, x, y, perm), None), params, orders)[0]

    return training


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", help="scenario TOML file, or a built-in name (scenarios/NAME.toml)")
    parser.add_argument("--epochs", type=int, help="epochs to train (default: the scenario's, else 1000)")
    args = parser.parse_args(argv)
    try:
        path = nr.resolve_scenario(args.scenario)
        sc = nr.load_scenario(path)
        rng = nr.np.random.default_rng(int(sc.get("seed", 0)))
        mlp = nr.Mlp(sc, path, rng)
        tr = sc.get("training", {})
        loss = nr.choose(tr, "loss", "half-mse", nr.LOSSES, path)
        mode = nr.choose(tr, "mode", "sgd", nr.MODES, path)
        lr = float(tr.get("learning_rate", 0.1))
        shuffle = bool(tr.get("shuffle", True))
        epochs = args.epochs if args.epochs is not None else int(tr.get("epochs", 1000))
        x, y = nr.load_data(sc, path, mlp.layers[0], mlp.layers[-1], rng)
    except (nr.ScenarioError, KeyError, TypeError, ValueError, OSError) as e:
        print(f"jax_scan: error: {e}", file=sys.stderr)
        return 2
    n = len(x)
    batch_size = {"batch": n, "sgd": 1}.get(mode) or int(tr.get("batch_size", 32))
    batch_size = max(1, min(batch_size, n))
    print(f"scenario: {sc.get('name', path.stem)} ({path}); jax {jax.__version__}, "
          f"{jax.devices()[0].platform}, float64")
    print(f"network {mlp.layers}, activations {mlp.acts}, mode {mode}, batch {batch_size}, "
          f"iterations/epoch: {math.ceil(n / batch_size)}")
    step = make_step(tuple(mlp.acts), loss, lr, mlp.bias != "none", mlp.bias == "learned")
    training = make_training(step, n, batch_size)
    params = (tuple(jnp.asarray(w) for w in mlp.W), tuple(jnp.asarray(b) for b in mlp.b))
    xj, yj = jnp.asarray(x), jnp.asarray(y)
    # the epochs' orders, drawn as the NumPy reference draws them
    orders = nr.np.array([rng.permutation(n) if shuffle else nr.np.arange(n) for _ in range(epochs)],
                         dtype=nr.np.int64).reshape(epochs, n)
    orders = jnp.asarray(orders)
    jax.block_until_ready(training(params, xj, yj, orders))  # compile, outside the timing
    t0 = time.perf_counter()
    params = jax.block_until_ready(training(params, xj, yj, orders))
    elapsed = time.perf_counter() - t0
    iterations = epochs * math.ceil(n / batch_size)
    ns = elapsed * 1e9 / iterations if iterations else 0.0
    print(f"trained {iterations} iterations in {elapsed:.3f} s ({ns:.1f} ns/iteration)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

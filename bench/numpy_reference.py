#!/usr/bin/env python3
"""From-scratch NumPy MLP trainer: the speed reference for `backstep train`.

    python3 bench/numpy_reference.py SCENARIO [--epochs N]

SCENARIO is a scenario TOML file (see docs/design.md) or a bare built-in name, which is
looked up as `scenarios/NAME.toml` in the repository root. The network is trained the
way backstep trains it (same activations, losses, deltas, bias handling, initialisation
rules and training modes), vectorised over each mini-batch: samples are rows, so a
layer is `net = A @ W.T + b` and a weight gradient is `delta.T @ A_prev / B`.

Generated data sets are simple stand-ins with the right shapes; their numbers do not
match backstep's, so compare costs only on scenarios with inline data and weights.

The last line printed is

    trained 12345 iterations in 0.123 s (9876.5 ns/iteration)

and times only the training loop (no data loading, initialisation or cost evaluation).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import tomllib
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
EPS = 1e-12

HIDDEN_ACTIVATIONS = ("sigmoid", "tanh", "relu", "linear")
OUTPUT_ACTIVATIONS = HIDDEN_ACTIVATIONS + ("softmax",)
LOSSES = ("mse", "half-mse", "cross-entropy", "binary-cross-entropy")
MODES = ("batch", "sgd", "mini-batch")
INITS = ("uniform", "xavier", "he", "zeros")
BIASES = ("none", "fixed", "learned")
GENERATORS = ("xor", "circles", "spirals", "gaussians")

KNOWN_KEYS = {
    "": {"name", "description", "seed", "network", "training", "data", "compare"},
    "network": {"layers", "hidden_activation", "output_activation", "bias", "init",
                "init_range", "weights", "biases"},
    "training": {"loss", "learning_rate", "mode", "batch_size", "shuffle", "epochs"},
    "data": {"inputs", "targets", "generator", "samples", "noise", "file", "validation",
             "test", "normalize", "features", "class_column", "target_columns", "image"},
    "compare": {"vary", "values", "target_cost", "target"},
}


class ScenarioError(Exception):
    pass


# --------------------------------------------------------------------------- scenario

def resolve_scenario(arg: str) -> Path:
    path = Path(arg)
    if path.is_file():
        return path
    looks_like_name = "/" not in arg and "\\" not in arg and not arg.endswith(".toml")
    if looks_like_name:
        builtin = REPO_ROOT / "scenarios" / f"{arg}.toml"
        if builtin.is_file():
            return builtin
        raise ScenarioError(f"no scenario file {arg!r} and no built-in {builtin}")
    raise ScenarioError(f"scenario file not found: {arg}")


def load_scenario(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            sc = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ScenarioError(f"{path}: {e}") from None
    for section, keys in KNOWN_KEYS.items():
        table = sc if section == "" else sc.get(section, {})
        if not isinstance(table, dict):
            raise ScenarioError(f"{path}: [{section}] must be a table")
        for key in table:
            if key not in keys:
                where = f"[{section}] " if section else ""
                raise ScenarioError(f"{path}: unknown key {where}{key!r}")
    if "network" not in sc or "layers" not in sc["network"]:
        raise ScenarioError(f"{path}: missing required key [network] layers")
    return sc


def choose(table: dict, key: str, default, allowed, path: Path):
    value = table.get(key, default)
    if value not in allowed:
        raise ScenarioError(f"{path}: {key} must be one of {', '.join(allowed)}; found {value!r}")
    return value


# --------------------------------------------------------------------------- data

def generate(kind: str, n: int, noise: float, n_in: int, n_out: int, rng: np.random.Generator):
    """Simple generators. Labels alternate by index so any held-out prefix is balanced."""
    if kind in ("xor", "circles", "spirals") and n_in != 2:
        raise ScenarioError(f"generator {kind!r} makes 2 inputs but layers[0] is {n_in}")
    if kind == "gaussians":
        classes = n_out if n_out >= 2 else 2
        labels = np.arange(n) % classes
        centres = rng.uniform(-1.0, 1.0, size=(classes, n_in))
        x = centres[labels] + rng.normal(0.0, noise, size=(n, n_in))
    else:
        classes = 2
        labels = np.arange(n) % 2
        if kind == "xor":
            x = rng.uniform(-1.0, 1.0, size=(n, 2))
            # push points off the axes a little so the quadrant decides the label
            x += np.sign(x) * 0.05
            same_sign = (x[:, 0] * x[:, 1]) > 0
            # choose each point's quadrant so that its label matches labels[i]
            flip = same_sign != (labels == 0)
            x[flip, 1] = -x[flip, 1]
            x += rng.normal(0.0, noise, size=x.shape)
        elif kind == "circles":
            r = np.where(labels == 0, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
            t = rng.uniform(0.0, 2.0 * math.pi, n)
            x = np.stack([r * np.cos(t), r * np.sin(t)], axis=1)
            x += rng.normal(0.0, noise, size=x.shape)
        else:  # spirals
            s = rng.uniform(0.0, 1.0, n)
            r = 0.1 + 0.9 * s
            t = 1.75 * 2.0 * math.pi * s + math.pi * labels
            x = np.stack([r * np.sin(t), r * np.cos(t)], axis=1)
            x += rng.normal(0.0, noise, size=x.shape)
    if n_out == 1:
        y = labels.astype(np.float64).reshape(n, 1)
    else:
        if classes > n_out:
            raise ScenarioError(f"generator {kind!r} makes {classes} classes but the output has {n_out}")
        y = np.zeros((n, n_out))
        y[np.arange(n), labels] = 1.0
    return x.astype(np.float64), y


def load_data(sc: dict, path: Path, n_in: int, n_out: int, rng: np.random.Generator):
    data = sc.get("data", {})
    if "inputs" in data or "targets" in data:
        x = np.asarray(data.get("inputs", []), dtype=np.float64)
        y = np.asarray(data.get("targets", []), dtype=np.float64)
        if x.ndim == 1:
            x = x.reshape(-1, 1)
        if y.ndim == 1:
            y = y.reshape(-1, 1)
        if x.shape[1] != n_in or y.shape[1] != n_out or len(x) != len(y):
            raise ScenarioError(f"{path}: inputs {x.shape} / targets {y.shape} do not fit layers "
                                f"(expected N×{n_in} and N×{n_out})")
    elif "generator" in data:
        kind = choose(data, "generator", None, GENERATORS, path)
        x, y = generate(kind, int(data.get("samples", 200)), float(data.get("noise", 0.1)),
                        n_in, n_out, rng)
    elif "file" in data:
        x, y = load_csv(path.parent / data["file"], data, n_in, n_out)
    else:
        raise ScenarioError(f"{path}: [data] needs inputs/targets or generator")
    n = len(x)
    held_out = int(n * float(data.get("validation", 0.0))) + int(n * float(data.get("test", 0.0)))
    n_train = max(1, n - held_out)
    x, y = x[:n_train], y[:n_train]
    if data.get("normalize", "none") == "standardize":
        sd = x.std(axis=0)
        x = (x - x.mean(axis=0)) / np.where(sd > 0, sd, 1.0)
    return x, y


def load_csv(file: Path, data: dict, n_in: int, n_out: int):
    """A CSV with a header row: feature columns, and a class column (one-hot) or target columns."""
    import csv
    with open(file, newline="") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    if "class_column" in data:
        c = header.index(data["class_column"])
        names = []
        labels = []
        for r in rows:
            if r[c] not in names:
                names.append(r[c])
            labels.append(names.index(r[c]))
        y = np.eye(max(n_out, 2))[labels][:, :n_out] if n_out > 1 else np.array(labels, float).reshape(-1, 1)
        targets = [c]
    else:
        targets = [header.index(t) for t in data.get("target_columns", header[-n_out:])]
        y = np.array([[float(r[i]) for i in targets] for r in rows])
    features = [header.index(f) for f in data.get("features", [h for h in header if header.index(h) not in targets])]
    x = np.array([[float(r[i]) for i in features] for r in rows])
    if x.shape[1] != n_in:
        raise ScenarioError(f"{file}: {x.shape[1]} feature columns, layers want {n_in}")
    return x, y


# --------------------------------------------------------------------------- network

def activate(kind: str, z: np.ndarray) -> np.ndarray:
    if kind == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if kind == "tanh":
        return np.tanh(z)
    if kind == "relu":
        return np.maximum(z, 0.0)
    if kind == "linear":
        return z
    # softmax over each row
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def derivative(kind: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    """f'(net) for element-wise activations, from net z and output a."""
    if kind == "sigmoid":
        return a * (1.0 - a)
    if kind == "tanh":
        return 1.0 - a * a
    if kind == "relu":
        return (z > 0.0).astype(z.dtype)  # ReLU'(0) = 0
    return np.ones_like(z)  # linear


def loss_gradient(loss: str, o: np.ndarray, d: np.ndarray) -> np.ndarray:
    """dC/dO per sample."""
    if loss == "mse":
        return 2.0 * (o - d)
    if loss == "half-mse":
        return o - d
    oc = np.clip(o, EPS, 1.0 - EPS)
    if loss == "cross-entropy":
        return -d / oc
    return (oc - d) / (oc * (1.0 - oc))  # binary cross-entropy


def output_delta(act: str, loss: str, net: np.ndarray, o: np.ndarray, d: np.ndarray) -> np.ndarray:
    if act == "softmax" and loss == "cross-entropy":
        return o * d.sum(axis=1, keepdims=True) - d  # exact simplification of J^T (-d/O)
    if act == "sigmoid" and loss == "binary-cross-entropy":
        return o - d
    g = loss_gradient(loss, o, d)
    if act == "softmax":
        # full Jacobian: dO_k/dnet_i = O_k (δ_ki − O_i)  ⇒  δ_i = O_i (g_i − Σ_k g_k O_k)
        return o * (g - (g * o).sum(axis=1, keepdims=True))
    return g * derivative(act, net, o)


def costs(o: np.ndarray, d: np.ndarray) -> dict:
    oc = np.clip(o, EPS, 1.0 - EPS)
    sq = ((d - o) ** 2).sum(axis=1)
    if o.shape[1] == 1:
        wrong = (o[:, 0] >= 0.5) != (d[:, 0] >= 0.5)
    else:
        wrong = o.argmax(axis=1) != d.argmax(axis=1)
    return {
        "mse": float(sq.mean()),
        "half_mse": float(0.5 * sq.mean()),
        "cross_entropy": float((-(d * np.log(oc)).sum(axis=1)).mean()),
        "binary_cross_entropy": float(
            (-(d * np.log(oc) + (1.0 - d) * np.log(1.0 - oc)).sum(axis=1)).mean()),
        "classification_error": float(wrong.mean()),
    }


class Mlp:
    def __init__(self, sc: dict, path: Path, rng: np.random.Generator):
        net = sc["network"]
        self.layers = [int(n) for n in net["layers"]]
        if len(self.layers) < 2 or min(self.layers) < 1:
            raise ScenarioError(f"{path}: layers needs ≥ 2 positive sizes; found {self.layers}")
        n_layers = len(self.layers) - 1
        hidden = choose(net, "hidden_activation", "sigmoid", HIDDEN_ACTIVATIONS, path)
        output = choose(net, "output_activation", "sigmoid", OUTPUT_ACTIVATIONS, path)
        self.acts = [hidden] * (n_layers - 1) + [output]
        self.bias = choose(net, "bias", "learned", BIASES, path)
        init = choose(net, "init", "xavier", INITS, path)

        self.W: list[np.ndarray] = []
        self.b: list[np.ndarray] = []
        weights, biases = net.get("weights"), net.get("biases")
        for l in range(n_layers):
            fan_in, fan_out = self.layers[l], self.layers[l + 1]
            if weights is not None:
                w = np.array(weights[l], dtype=np.float64)
                if w.shape != (fan_out, fan_in):
                    raise ScenarioError(f"{path}: weights[{l}] must be {fan_out}×{fan_in}; found {w.shape}")
            elif init == "zeros":
                w = np.zeros((fan_out, fan_in))
            else:
                if init == "xavier":
                    r = math.sqrt(6.0 / (fan_in + fan_out))
                elif init == "he":
                    r = math.sqrt(6.0 / fan_in)
                else:
                    r = float(net.get("init_range", 0.5))
                w = rng.uniform(-r, r, size=(fan_out, fan_in))
            if biases is not None and self.bias != "none":
                b = np.array(biases[l], dtype=np.float64)
                if b.shape != (fan_out,):
                    raise ScenarioError(f"{path}: biases[{l}] must have {fan_out} entries; found {b.shape}")
            else:
                b = np.zeros(fan_out)
            self.W.append(w)
            self.b.append(b)

    def forward(self, x: np.ndarray):
        """Returns (nets, outs) with outs[0] = x; rows are samples."""
        nets, outs = [], [x]
        a = x
        use_bias = self.bias != "none"
        for w, b, act in zip(self.W, self.b, self.acts):
            z = a @ w.T
            if use_bias:
                z += b
            a = activate(act, z)
            nets.append(z)
            outs.append(a)
        return nets, outs

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.forward(x)[1][-1]


# --------------------------------------------------------------------------- training

def train(mlp: Mlp, x: np.ndarray, y: np.ndarray, loss: str, lr: float, batch_size: int,
          shuffle: bool, epochs: int, rng: np.random.Generator) -> int:
    n = len(x)
    n_layers = len(mlp.W)
    W, b, acts = mlp.W, mlp.b, mlp.acts
    use_bias = mlp.bias != "none"
    learn_bias = mlp.bias == "learned"
    out_act = acts[-1]
    iterations = 0
    for _ in range(epochs):
        if shuffle:
            perm = rng.permutation(n)
            xs, ys = x[perm], y[perm]
        else:
            xs, ys = x, y
        for start in range(0, n, batch_size):
            xb = xs[start:start + batch_size]
            yb = ys[start:start + batch_size]
            m = len(xb)
            # forward
            nets, outs = [], [xb]
            a = xb
            for l in range(n_layers):
                z = a @ W[l].T
                if use_bias:
                    z += b[l]
                a = activate(acts[l], z)
                nets.append(z)
                outs.append(a)
            # backward: every delta uses the weights before the update
            delta = output_delta(out_act, loss, nets[-1], a, yb)
            grads = [None] * n_layers
            for l in range(n_layers - 1, -1, -1):
                gw = delta.T @ outs[l]
                gw /= m
                gb = delta.mean(axis=0) if learn_bias else None
                grads[l] = (gw, gb)
                if l > 0:
                    delta = (delta @ W[l]) * derivative(acts[l - 1], nets[l - 1], outs[l])
            # update, output layer first
            for l in range(n_layers - 1, -1, -1):
                gw, gb = grads[l]
                W[l] -= lr * gw
                if learn_bias:
                    b[l] -= lr * gb
            iterations += 1
    return iterations


def print_costs(title: str, c: dict) -> None:
    print(title)
    for key, value in c.items():
        print(f"  {key:<22} {value:.9g}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", help="scenario TOML file, or a built-in name (scenarios/NAME.toml)")
    parser.add_argument("--epochs", type=int, help="epochs to train (default: the scenario's, else 1000)")
    parser.add_argument("--print-weights", action="store_true", help="print the trained weights and biases")
    args = parser.parse_args(argv)
    np.seterr(over="ignore")  # exp overflow in sigmoid saturates correctly to 0/1

    try:
        path = resolve_scenario(args.scenario)
        sc = load_scenario(path)
        rng = np.random.default_rng(int(sc.get("seed", 0)))
        mlp = Mlp(sc, path, rng)
        tr = sc.get("training", {})
        loss = choose(tr, "loss", "half-mse", LOSSES, path)
        mode = choose(tr, "mode", "sgd", MODES, path)
        lr = float(tr.get("learning_rate", 0.1))
        shuffle = bool(tr.get("shuffle", True))
        epochs = args.epochs if args.epochs is not None else int(tr.get("epochs", 1000))
        if epochs < 0 or lr < 0:
            raise ScenarioError("epochs and learning_rate must be ≥ 0")
        x, y = load_data(sc, path, mlp.layers[0], mlp.layers[-1], rng)
    except (ScenarioError, KeyError, TypeError, ValueError, OSError) as e:
        print(f"numpy_reference: error: {e}", file=sys.stderr)
        return 2

    n = len(x)
    if mode == "batch":
        batch_size = n
    elif mode == "sgd":
        batch_size = 1
    else:
        batch_size = int(tr.get("batch_size", 32))
        if batch_size < 1:
            print("numpy_reference: error: batch_size must be ≥ 1", file=sys.stderr)
            return 2

    print(f"scenario: {sc.get('name', path.stem)} ({path}); numpy {np.__version__}")
    print(f"network {mlp.layers}, activations {mlp.acts}, bias {mlp.bias}, loss {loss}, "
          f"mode {mode}, batch {batch_size}, η {lr}, shuffle {shuffle}")
    print(f"training samples: {n}, epochs: {epochs}, iterations/epoch: {math.ceil(n / batch_size)}")
    print_costs("initial training-set costs:", costs(mlp.predict(x), y))

    t0 = time.perf_counter()
    iterations = train(mlp, x, y, loss, lr, batch_size, shuffle, epochs, rng)
    elapsed = time.perf_counter() - t0

    print_costs("final training-set costs:", costs(mlp.predict(x), y))
    if args.print_weights:
        for l, (w, b) in enumerate(zip(mlp.W, mlp.b), start=1):
            print(f"W{l} = {np.array2string(w, precision=10)}")
            print(f"b{l} = {np.array2string(b, precision=10)}")
    ns = elapsed * 1e9 / iterations if iterations else 0.0
    print(f"trained {iterations} iterations in {elapsed:.3f} s ({ns:.1f} ns/iteration)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

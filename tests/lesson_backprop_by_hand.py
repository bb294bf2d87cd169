#!/usr/bin/env python3
"""Every number of the built-in lesson `backprop`, worked out "by hand".

Why this script exists
----------------------
lessons/backprop.toml asks questions (a number to predict, or a choice) and
its narration quotes numbers.  The expected answers must not come from running
backstep itself, or a test would only check that the program agrees with
itself.  This script is an INDEPENDENT computation: Python standard library
only (math, tomllib), the formulas of docs/design.md written out for the small
networks of the lesson, reading the weights and data from the scenario files.

    python3 tests/lesson_backprop_by_hand.py          # print, and write the fixture
    python3 tests/lesson_backprop_by_hand.py --check  # exit 1 when the fixture differs

The fixture tests/fixtures/lessons/backprop-expected.toml holds, per stop,
the question's expected value and tolerance (or the right choice), and the
numbers the narration quotes as the narration writes them, so a Rust test can
compare the lesson file and the app against them.

Notation (docs/design.md): row j of a matrix holds the weights into neuron j;
net = W·a + b, a = f(net); mse per sample = Σ_k (d_k − O_k)², half-mse is
half of it, a set's cost is the mean over its samples; output delta
δ = dC/dO · f′(net) (mse: dC/dO = 2(O − d), half-mse: O − d); hidden delta
δ = (Wᵀδ) ⊙ f′(net) with W before its update; gradient = mean over the batch
of δ·aᵀ; update W ← W − η·gradient, the last layer first.
"""

import contextlib
import io
import math
import os
import runpy
import sys
import tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURE = os.path.join(HERE, "fixtures", "lessons", "backprop-expected.toml")


def scenario(name):
    with open(os.path.join(ROOT, "scenarios", name + ".toml"), "rb") as f:
        return tomllib.load(f)


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def matvec(m, v):
    return [sum(w * x for w, x in zip(row, v)) for row in m]


def class_of(v):
    """The position of the largest value; for one output, whether it is ≥ 0.5."""
    if len(v) == 1:
        return 1 if v[0] >= 0.5 else 0
    return max(range(len(v)), key=lambda k: (v[k], -k))


def costs(outputs, targets):
    """mse, cross-entropy and classification error of a set, means over samples."""
    n = len(outputs)
    mse = sum(sum((d - o) ** 2 for o, d in zip(out, t)) for out, t in zip(outputs, targets)) / n
    ce = -sum(sum(d * math.log(o) for o, d in zip(out, t)) for out, t in zip(outputs, targets)) / n
    err = sum(1 for out, t in zip(outputs, targets) if class_of(out) != class_of(t)) / n
    return {"mse": mse, "cross_entropy": ce, "classification_error": err}


# ------------------------------------------------------------ a sigmoid MLP
# Only what the lesson's small networks need: sigmoid layers, learned biases,
# mse loss, plain lists.  Layer l is (W, b); a batch is a list of indices.


def forward(layers, x):
    """The outputs of every layer, input first."""
    acts = [x]
    for w, b in layers:
        acts.append([sigmoid(n + bj) for n, bj in zip(matvec(w, acts[-1]), b)])
    return acts


def iterate(layers, inputs, targets, batch, eta):
    """One iteration of gradient descent on mse over `batch`; returns new layers."""
    grads = [([[0.0] * len(w[0]) for _ in w], [0.0] * len(b)) for w, b in layers]
    for i in batch:
        acts = forward(layers, inputs[i])
        out = acts[-1]
        delta = [2.0 * (o - d) * o * (1.0 - o) for o, d in zip(out, targets[i])]
        for l in range(len(layers) - 1, -1, -1):
            gw, gb = grads[l]
            prev = acts[l]
            for j, dj in enumerate(delta):
                gb[j] += dj / len(batch)
                for k, a in enumerate(prev):
                    gw[j][k] += dj * a / len(batch)
            if l > 0:
                w = layers[l][0]  # before its update: nothing is updated yet
                delta = [
                    sum(w[j][k] * delta[j] for j in range(len(w))) * prev[k] * (1.0 - prev[k])
                    for k in range(len(prev))
                ]
    return [
        ([[wv - eta * g for wv, g in zip(wr, gr)] for wr, gr in zip(w, gw)],
         [bv - eta * g for bv, g in zip(b, gb)])
        for (w, b), (gw, gb) in zip(layers, grads)
    ]


def standardize(inputs):
    """Each feature to mean 0, standard deviation 1 (population sd, as src/data)."""
    n = len(inputs)
    cols = list(zip(*inputs))
    stats = []
    for c in cols:
        mean = sum(c) / n
        sd = math.sqrt(sum((x - mean) ** 2 for x in c) / n)
        stats.append((mean, sd if sd > 0 else 1.0))
    return [[(x - m) / s for x, (m, s) in zip(row, stats)] for row in inputs]


def file_layers(sc, zero=False):
    """The scenario's initial layers: its explicit weights, or all zeros."""
    sizes = sc["network"]["layers"]
    if zero:
        ws = [[[0.0] * sizes[l] for _ in range(sizes[l + 1])] for l in range(len(sizes) - 1)]
    else:
        ws = sc["network"]["weights"]
    return [(w, [0.0] * len(w)) for w in ws]


def train(sc, layers, inputs, epochs):
    """`epochs` epochs in the scenario's mode (sgd or batch), samples in file order."""
    tr = sc["training"]
    assert tr["shuffle"] is False
    n = len(inputs)
    batches = [[i] for i in range(n)] if tr["mode"] == "sgd" else [list(range(n))]
    for _ in range(epochs):
        for batch in batches:
            layers = iterate(layers, inputs, sc["data"]["targets"], batch, tr["learning_rate"])
    return layers


def set_costs(layers, inputs, targets):
    return costs([forward(layers, x)[-1] for x in inputs], targets)


# ------------------------------------------------------------ the stops
Q = {}  # stop → (what, value, tolerance) or (what, choice)
N = []  # (stop, what, value, as the narration writes it)


def narrate(stop, what, value, shown):
    N.append((stop, what, value, shown))


def two_two_two():
    """Stops 1-6: the worked iteration (tests/two_two_two_by_hand.py)."""
    with contextlib.redirect_stdout(io.StringIO()):
        h = runpy.run_path(os.path.join(HERE, "two_two_two_by_hand.py"))
    sc = scenario("two-two-two")
    # the by-hand script's numbers are the scenario file's
    assert sc["network"]["weights"] == [[[h["V00"], h["V01"]], [h["V10"], h["V11"]]],
                                        [[h["W00"], h["W01"]], [h["W10"], h["W11"]]]]
    assert sc["data"]["inputs"] == [[h["x0"], h["x1"]]]
    assert sc["data"]["targets"] == [[h["d0"], h["d1"]]]
    assert sc["training"]["learning_rate"] == h["eta"]
    narrate(2, "net¹₁", h["net1_0"], "0.3775")
    narrate(2, "h₁", h["h0"], "0.5933")
    for name, value in (("x₁", h["x0"]), ("x₂", h["x1"]), ("d₁", h["d0"]), ("d₂", h["d1"]),
                        ("η", h["eta"])):
        narrate(1, name, value, "%.2f" % value if name != "η" else "0.5")
    Q[2] = ("O₁ (two-two-two: output, layer 2, neuron 1)", h["O0"], 0.01,
            {"ask": "output", "layer": 2, "neuron": 1})
    narrate(3, "O₁", h["O0"], "0.75")
    narrate(3, "O₂", h["O1"], "0.77")
    Q[3] = ("C (two-two-two: cost half-mse at the loss)", h["costs_before"]["half_mse"], 0.01,
            {"ask": "cost", "cost": "half-mse"})
    narrate(4, "δ²₂", h["delta2_1"], "−0.0381")
    Q[4] = ("δ²₁ (two-two-two: delta, layer 2, neuron 1)", h["delta2_0"], 0.01,
            {"ask": "delta", "layer": 2, "neuron": 1})
    narrate(5, "h₁(1 − h₁)", h["h0"] * (1 - h["h0"]), "0.2413")
    Q[5] = ("δ¹₁ (two-two-two: delta, layer 1, neuron 1)", h["delta1_0"], 0.01,
            {"ask": "delta", "layer": 1, "neuron": 1})
    narrate(6, "∂C/∂W₁₁", h["grad_W00"], "0.0822")
    narrate(6, "∂C/∂V₁₁", h["grad_V00"], "0.00044")
    narrate(6, "C before the update", h["costs_before"]["half_mse"], "0.2984")
    narrate(6, "C after the update", h["costs_after"]["half_mse"], "0.2805")
    Q[6] = ("W₁₁ after the update (two-two-two: weight, layer 2, row 1, col 1)",
            h["new_W00"], 0.01, {"ask": "weight", "layer": 2, "row": 1, "col": 1})


def vanishing():
    """Stop 7: six sigmoid hidden layers, each f′ ≤ 0.25."""
    sc = scenario("vanishing")
    hidden = len(sc["network"]["layers"]) - 2
    narrate(7, "hidden layers", hidden, "6")
    narrate(7, "max σ′ = σ(0)(1 − σ(0))", sigmoid(0) * (1 - sigmoid(0)), "0.25")
    narrate(7, "0.25⁶", 0.25 ** hidden, "0.00024")


def cost_table():
    """Stop 8: the lesson's table, from the two networks' weights (outputs = W·x)."""
    sc = scenario("cost-table")
    xs, ds = sc["data"]["inputs"], sc["data"]["targets"]
    left, right = (v[0] for v in sc["compare"]["values"])
    assert sc["network"]["weights"][0] == left
    cl = costs([matvec(left, x) for x in xs], ds)
    cr = costs([matvec(right, x) for x in xs], ds)
    per = [sum((d - o) ** 2 for o, d in zip(matvec(left, x), t)) for x, t in zip(xs, ds)]
    narrate(8, "left, sample 1, Σ(d − O)²", per[0], "0.54")
    narrate(8, "left, sample 3, Σ(d − O)²", per[2], "1.34")
    narrate(8, "left MSE", cl["mse"], "0.81")
    narrate(8, "right MSE", cr["mse"], "0.34")
    narrate(8, "right cross-entropy", cr["cross_entropy"], "0.64")
    narrate(8, "classification error, both", cl["classification_error"], "1/3")
    assert cl["classification_error"] == cr["classification_error"]
    Q[8] = ("cross-entropy of the left network (cost-table: cost cross-entropy)",
            cl["cross_entropy"], 0.01, {"ask": "cost", "cost": "cross-entropy"})


def near_half():
    """Stop 9: sigmoid outputs near 0.5 against confident ones."""
    sc = scenario("near-half")
    xs, ds = sc["data"]["inputs"], sc["data"]["targets"]
    unsure, sure = (v[0] for v in sc["compare"]["values"])
    assert sc["network"]["weights"][0] == unsure
    out = lambda w: [[sigmoid(n) for n in matvec(w, x)] for x in xs]
    cu, cs = costs(out(unsure), ds), costs(out(sure), ds)
    narrate(9, "classification error, both", cu["classification_error"], "0")
    assert cs["classification_error"] == 0
    narrate(9, "MSE near 0.5", cu["mse"], "0.68")
    narrate(9, "cross-entropy near 0.5", cu["cross_entropy"], "0.64")
    narrate(9, "O = σ(3)", sigmoid(3.0), "0.95")
    narrate(9, "MSE confident", cs["mse"], "0.007")
    narrate(9, "cross-entropy confident", cs["cross_entropy"], "0.05")
    # iteration 1 of sgd without shuffle is sample 1, whose class is 3
    assert sc["training"]["mode"] == "sgd" and sc["training"]["shuffle"] is False
    Q[9] = ("O₃ of sample 1 (near-half: output, layer 1, neuron 3)", out(unsure)[0][2], 0.01,
            {"ask": "output", "layer": 1, "neuron": 3})


def mse_vs_ce():
    """Stop 10: a saturated output, the two output deltas."""
    sc = scenario("mse-vs-ce")
    o = sigmoid(sc["network"]["biases"][-1][0])
    narrate(10, "σ(−8)", o, "0.0003")
    d, o_q = 1.0, 0.0005
    mse_delta = 2.0 * (o_q - d) * o_q * (1.0 - o_q)
    ce_delta = o_q - d
    narrate(10, "MSE δ at O = 0.0005, d = 1", mse_delta, "−0.001")
    narrate(10, "cross-entropy δ at O = 0.0005, d = 1", ce_delta, "−0.9995")
    narrate(10, "1 − O at O = 0.0005", 1.0 - o_q, "0.9995")
    Q[10] = ("choice: cross-entropy's δ over MSE's δ at O = 0.0005, d = 1 (≈ %.1f)"
             % (ce_delta / mse_delta), {"answer": 3})
    assert 900 < ce_delta / mse_delta < 1100  # choice 3, "about 1000"


def gd_modes():
    """Stop 11: 1000 training samples in batches of 10."""
    sc = scenario("gd-modes")
    n = sc["data"]["samples"]
    train_n = n - math.floor(n * sc["data"]["validation"])
    per_epoch = math.ceil(train_n / sc["training"]["batch_size"])
    narrate(11, "training samples", train_n, "1000")
    narrate(11, "batch size", sc["training"]["batch_size"], "10")
    Q[11] = ("choice: iterations in one epoch (%d)" % per_epoch, {"answer": 2})
    assert per_epoch == 100  # choice 2, "100"


def iris():
    """Stop 12: the three parts of the iris data, and where the stop stands."""
    sc = scenario("iris")
    with open(os.path.join(ROOT, "assets", "iris.csv")) as f:
        rows = [line for line in f.read().splitlines()[1:] if line.strip()]
    species = {}
    for r in rows:
        species.setdefault(r.split(",")[-1], 0)
        species[r.split(",")[-1]] += 1
    # stratified: each species gives ⌊its count · fraction⌋
    val = sum(math.floor(c * sc["data"]["validation"]) for c in species.values())
    test = sum(math.floor(c * sc["data"]["test"]) for c in species.values())
    train_n = len(rows) - val - test
    per_epoch = math.ceil(train_n / sc["training"]["batch_size"])
    narrate(12, "training flowers", train_n, "90")
    narrate(12, "validation flowers", val, "30")
    narrate(12, "test flowers", test, "30")
    narrate(12, "iterations per epoch", per_epoch, "9")
    narrate(12, "the stop's iteration (10 epochs)", 10 * per_epoch, "90")
    Q[12] = ("choice: training every iteration, validation while training, test once", {"answer": 1})


def zero_init():
    """Stop 13: all-zero initial values; raw against standardized inputs."""
    sc = scenario("zero-init")
    assert sc["network"]["init"] == "zeros" and "weights" not in sc["network"]
    xs, ds = sc["data"]["inputs"], sc["data"]["targets"]
    layers = file_layers(sc, zero=True)
    eta = sc["training"]["learning_rate"]
    # sgd without shuffle: iteration i uses sample i
    after1 = iterate(layers, xs, ds, [0], eta)
    after2 = iterate(after1, xs, ds, [1], eta)
    narrate(13, "V after iteration 1 (W was 0, so δ¹ = 0)", max(abs(v) for r in after1[0][0] for v in r), "0")
    Q[13] = ("V₁₂ after iteration 2 (zero-init: weight, layer 1, row 1, col 2)",
             after2[0][0][0][1], 0.01, {"ask": "weight", "layer": 1, "row": 1, "col": 2})
    end = train(sc, layers, xs, sc["training"]["epochs"])
    v = end[0][0]
    assert all(row == v[0] for row in v), v  # the hidden rows stay identical
    c = set_costs(end, xs, ds)
    narrate(13, "zero-init classification error after 2000 epochs", c["classification_error"], "0.25")
    raw, std = scenario("raw-inputs"), scenario("standardized-inputs")
    rx = raw["data"]["inputs"]
    net = matvec(raw["network"]["weights"][0], rx[0])[0]
    narrate(13, "raw net¹₁ of fruit 1", net, "65")
    cr = set_costs(train(raw, file_layers(raw), rx, raw["training"]["epochs"]), rx, raw["data"]["targets"])
    sx = standardize(std["data"]["inputs"])
    cs = set_costs(train(std, file_layers(std), sx, std["training"]["epochs"]), sx, std["data"]["targets"])
    narrate(13, "raw MSE after 500 epochs", cr["mse"], "0.25")
    # raw-inputs' description: "the network answers the same for every fruit"
    assert cr["classification_error"] == 0.5
    narrate(13, "standardized MSE after 500 epochs", cs["mse"], "0.025")
    assert cs["classification_error"] == 0.0  # "both classes are told apart"


def shown_matches(value, shown):
    """Whether the narration's text is the value as rounded to the places it shows."""
    text = shown.replace("−", "-")
    if "/" in text:
        a, b = text.split("/")
        return abs(value - float(a) / float(b)) < 1e-12
    places = len(text.split(".")[1]) if "." in text else 0
    return abs(value - float(text)) <= 0.5 * 10 ** -places + 1e-15


# Where each question's number lives: the scenario and the position the computation above
# assumes (a stop that moves must move here too).
POSITIONS = {
    2: ("two-two-two", 1, "forward-2"),
    3: ("two-two-two", 1, "loss"),
    4: ("two-two-two", 1, "output-delta"),
    5: ("two-two-two", 1, "hidden-delta-1"),
    6: ("two-two-two", 1, "update-2"),
    8: ("cost-table", 1, "loss"),
    9: ("near-half", 1, "forward-1"),
    10: ("mse-vs-ce", 1, "output-delta"),
    11: ("gd-modes", 100, "done"),
    12: ("iris", 90, "done"),
    13: ("zero-init", 2, "update-1"),
}


def check_lesson():
    """The lesson file asks what this script computed, and its narration (both languages)
    writes every quoted number as listed."""
    with open(os.path.join(ROOT, "lessons", "backprop.toml"), "rb") as f:
        stops = tomllib.load(f)["stop"]
    assert len(stops) == 13, len(stops)
    asked = {n for n, st in enumerate(stops, 1) if "question" in st}
    assert asked == set(Q), (sorted(asked), sorted(Q))
    for n, q in Q.items():
        st = stops[n - 1]
        position = (st["scenario"], st.get("iteration", 1), st.get("phase", "start"))
        assert position == POSITIONS[n], (n, position)
        spec = q[-1]
        question = st["question"]
        for key, value in spec.items():
            assert question.get(key) == value, (n, key, question.get(key), value)
        if "ask" in spec:
            assert question.get("tolerance", 0.01) == q[2], n
    for n, what, _, shown in N:
        for lang in ("en", "ko"):
            text = stops[n - 1]["text"][lang]
            if n in (10,) and shown not in text:  # stop 10 quotes these in its explanation
                text = stops[n - 1]["question"]["explanation"][lang]
            assert shown in text, (n, lang, what, shown)


def compute():
    for part in (two_two_two, vanishing, cost_table, near_half, mse_vs_ce, gd_modes, iris,
                 zero_init):
        part()
    for stop, what, value, shown in N:
        assert shown_matches(value, shown), (stop, what, value, shown)
    check_lesson()


def fixture_text():
    lines = [
        "# Written by tests/lesson_backprop_by_hand.py: the built-in lesson `backprop`'s",
        "# expected answers (stop → value and relative tolerance, or the right choice, 1-based)",
        "# and the numbers its narration quotes (as written, and in full).",
        "",
    ]
    for stop in sorted(Q):
        q = Q[stop]
        lines.append("[question.%d]" % stop)
        lines.append("what = %s" % toml_str(q[0]))
        if len(q) == 4:
            lines.append("value = %r" % q[1])
            lines.append("tolerance = %r" % q[2])
        else:
            lines.append("answer = %d" % q[1]["answer"])
        lines.append("")
    for stop, what, value, shown in N:
        lines.append("[[narration]]")
        lines.append("stop = %d" % stop)
        lines.append("what = %s" % toml_str(what))
        lines.append("value = %r" % float(value))
        lines.append("shown = %s" % toml_str(shown))
        lines.append("")
    return "\n".join(lines)


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    compute()
    for stop in sorted(Q):
        q = Q[stop]
        value = repr(q[1]) if len(q) == 4 else "choice %d" % q[1]["answer"]
        print("stop %2d question: %s = %s" % (stop, q[0], value))
    for stop, what, value, shown in N:
        print("stop %2d narration: %s = %r (written %s)" % (stop, what, value, shown))
    text = fixture_text()
    if "--check" in sys.argv[1:]:
        with open(FIXTURE, "rb") as f:
            old = tomllib.load(f)
        if old != tomllib.loads(text):
            print("differs from %s" % FIXTURE, file=sys.stderr)
            sys.exit(1)
        print("ok: %s" % FIXTURE)
    else:
        os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
        with open(FIXTURE, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()

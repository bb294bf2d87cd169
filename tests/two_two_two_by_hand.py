#!/usr/bin/env python3
"""One SGD iteration of a 2-2-2 sigmoid network, worked out "by hand".

Why this script exists
----------------------
The Rust tests for `backstep` need expected numbers for one training step of
a small network.  If those numbers were produced by running `backstep`
itself, the tests would only check that the program agrees with itself.
This script is an INDEPENDENT computation: pure Python, standard library
only (`math`), no numpy, no loops over generic layers.  Every neuron's
formula is written out by name, the way one would do it on paper, so a
reader can follow (and check) each number.

The network is Matt Mazur's classic worked example
("A Step by Step Backpropagation Example"), except that here the biases are
ALSO learned and updated (Mazur keeps them fixed).  The forward pass and the
W-gradients are identical to his, so his published numbers are asserted
below as a sanity check.

Setup
-----
  input  x = (0.05, 0.10), target d = (0.01, 0.99)
  hidden:  V = [[0.15, 0.20], [0.25, 0.30]]  (row j = weights into hidden j)
           b1 = [0.35, 0.35]
  output:  W = [[0.40, 0.45], [0.50, 0.55]]  (row k = weights into output k)
           b2 = [0.60, 0.60]
  net1 = V.x + b1,  h = sigmoid(net1)
  net2 = W.h + b2,  O = sigmoid(net2)
  loss C = 1/2 * sum_k (d_k - O_k)^2   ("half-mse"),  dC/dO = O - d
  delta2_k = (O_k - d_k) * O_k * (1 - O_k)
  delta1_j = (sum_k W[k][j] * delta2_k) * h_j * (1 - h_j)   (W before update)
  dC/dW[k][j] = delta2_k * h_j,  dC/db2_k = delta2_k
  dC/dV[j][i] = delta1_j * x_i,  dC/db1_j = delta1_j
  eta = 0.5; every parameter p_new = p - eta * dC/dp

Output: one `name = repr(value)` per line.
"""

import math


def sigmoid(z):
    return 1.0 / (1.0 + math.exp(-z))


def show(name, value):
    print(f"{name} = {value!r}")


# ---------------------------------------------------------------- data
x0, x1 = 0.05, 0.10
d0, d1 = 0.01, 0.99

V00, V01 = 0.15, 0.20   # into hidden neuron 0 (Mazur w1, w2)
V10, V11 = 0.25, 0.30   # into hidden neuron 1 (Mazur w3, w4)
b1_0, b1_1 = 0.35, 0.35

W00, W01 = 0.40, 0.45   # into output neuron 0 (Mazur w5, w6)
W10, W11 = 0.50, 0.55   # into output neuron 1 (Mazur w7, w8)
b2_0, b2_1 = 0.60, 0.60

eta = 0.5


def costs(O0, O1):
    """The five costs for this one sample, each written out per output."""
    mse = (d0 - O0) ** 2 + (d1 - O1) ** 2
    half_mse = 0.5 * ((d0 - O0) ** 2 + (d1 - O1) ** 2)
    cross_entropy = -(d0 * math.log(O0) + d1 * math.log(O1))
    binary_cross_entropy = -(
        (d0 * math.log(O0) + (1.0 - d0) * math.log(1.0 - O0))
        + (d1 * math.log(O1) + (1.0 - d1) * math.log(1.0 - O1))
    )
    argmax_O = 0 if O0 >= O1 else 1
    argmax_d = 0 if d0 >= d1 else 1
    classification_error = 1.0 if argmax_O != argmax_d else 0.0
    return {
        "mse": mse,
        "half_mse": half_mse,
        "cross_entropy": cross_entropy,
        "binary_cross_entropy": binary_cross_entropy,
        "classification_error": classification_error,
    }


# ---------------------------------------------------------------- forward
net1_0 = V00 * x0 + V01 * x1 + b1_0
net1_1 = V10 * x0 + V11 * x1 + b1_1
h0 = sigmoid(net1_0)
h1 = sigmoid(net1_1)

net2_0 = W00 * h0 + W01 * h1 + b2_0
net2_1 = W10 * h0 + W11 * h1 + b2_1
O0 = sigmoid(net2_0)
O1 = sigmoid(net2_1)

loss = 0.5 * ((d0 - O0) ** 2 + (d1 - O1) ** 2)
dC_dO0 = O0 - d0
dC_dO1 = O1 - d1

# ---------------------------------------------------------------- backward
# output deltas: dC/dnet2_k
delta2_0 = (O0 - d0) * O0 * (1.0 - O0)
delta2_1 = (O1 - d1) * O1 * (1.0 - O1)

# hidden deltas: dC/dnet1_j, using W BEFORE the update
delta1_0 = (W00 * delta2_0 + W10 * delta2_1) * h0 * (1.0 - h0)
delta1_1 = (W01 * delta2_0 + W11 * delta2_1) * h1 * (1.0 - h1)

# gradients of the output layer
grad_W00 = delta2_0 * h0
grad_W01 = delta2_0 * h1
grad_W10 = delta2_1 * h0
grad_W11 = delta2_1 * h1
grad_b2_0 = delta2_0
grad_b2_1 = delta2_1

# gradients of the hidden layer
grad_V00 = delta1_0 * x0
grad_V01 = delta1_0 * x1
grad_V10 = delta1_1 * x0
grad_V11 = delta1_1 * x1
grad_b1_0 = delta1_0
grad_b1_1 = delta1_1

# ---------------------------------------------------------------- SGD update
new_W00 = W00 - eta * grad_W00
new_W01 = W01 - eta * grad_W01
new_W10 = W10 - eta * grad_W10
new_W11 = W11 - eta * grad_W11
new_b2_0 = b2_0 - eta * grad_b2_0
new_b2_1 = b2_1 - eta * grad_b2_1

new_V00 = V00 - eta * grad_V00
new_V01 = V01 - eta * grad_V01
new_V10 = V10 - eta * grad_V10
new_V11 = V11 - eta * grad_V11
new_b1_0 = b1_0 - eta * grad_b1_0
new_b1_1 = b1_1 - eta * grad_b1_1

# ---------------------------------------------------------------- costs
costs_before = costs(O0, O1)

# forward pass again with the updated weights and biases
after_net1_0 = new_V00 * x0 + new_V01 * x1 + new_b1_0
after_net1_1 = new_V10 * x0 + new_V11 * x1 + new_b1_1
after_h0 = sigmoid(after_net1_0)
after_h1 = sigmoid(after_net1_1)
after_net2_0 = new_W00 * after_h0 + new_W01 * after_h1 + new_b2_0
after_net2_1 = new_W10 * after_h0 + new_W11 * after_h1 + new_b2_1
after_O0 = sigmoid(after_net2_0)
after_O1 = sigmoid(after_net2_1)
costs_after = costs(after_O0, after_O1)

# ---------------------------------------------------------------- sanity
# Mazur's published numbers (forward pass, W-gradients, and w1 update with
# fixed biases -- the bias updates do not affect any of these values).
TOL = 1e-8
assert abs(O0 - 0.75136507) < TOL, O0
assert abs(O1 - 0.772928465) < TOL, O1
assert abs(loss - 0.298371109) < TOL, loss
assert abs(delta2_0 - 0.138498562) < TOL, delta2_0
assert abs(new_W00 - 0.35891648) < TOL, new_W00
assert abs(new_V00 - 0.149780716) < TOL, new_V00
# the step must reduce the loss it descends on
assert costs_after["half_mse"] < costs_before["half_mse"]

# ---------------------------------------------------------------- print
show("net1[0]", net1_0)
show("net1[1]", net1_1)
show("h[0]", h0)
show("h[1]", h1)
show("net2[0]", net2_0)
show("net2[1]", net2_1)
show("O[0]", O0)
show("O[1]", O1)
show("loss", loss)
show("dC_dO[0]", dC_dO0)
show("dC_dO[1]", dC_dO1)
show("delta2[0]", delta2_0)
show("delta2[1]", delta2_1)
show("delta1[0]", delta1_0)
show("delta1[1]", delta1_1)
show("grad_W[0][0]", grad_W00)
show("grad_W[0][1]", grad_W01)
show("grad_W[1][0]", grad_W10)
show("grad_W[1][1]", grad_W11)
show("grad_b2[0]", grad_b2_0)
show("grad_b2[1]", grad_b2_1)
show("grad_V[0][0]", grad_V00)
show("grad_V[0][1]", grad_V01)
show("grad_V[1][0]", grad_V10)
show("grad_V[1][1]", grad_V11)
show("grad_b1[0]", grad_b1_0)
show("grad_b1[1]", grad_b1_1)
show("new_W[0][0]", new_W00)
show("new_W[0][1]", new_W01)
show("new_W[1][0]", new_W10)
show("new_W[1][1]", new_W11)
show("new_b2[0]", new_b2_0)
show("new_b2[1]", new_b2_1)
show("new_V[0][0]", new_V00)
show("new_V[0][1]", new_V01)
show("new_V[1][0]", new_V10)
show("new_V[1][1]", new_V11)
show("new_b1[0]", new_b1_0)
show("new_b1[1]", new_b1_1)
show("after_O[0]", after_O0)
show("after_O[1]", after_O1)
for name in ("mse", "half_mse", "cross_entropy", "binary_cross_entropy",
             "classification_error"):
    show(f"costs_before.{name}", costs_before[name])
for name in ("mse", "half_mse", "cross_entropy", "binary_cross_entropy",
             "classification_error"):
    show(f"costs_after.{name}", costs_after[name])

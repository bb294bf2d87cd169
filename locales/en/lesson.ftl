### The lesson's words in English: the phase explanations, the formulas and the handout.
### Numbers and symbols arrive as arguments, already written out.

## The formula of each activation f, of its derivative, and f applied to a number.
## Symbols only; a second language may keep them as they are.

activation-sigmoid-formula = σ(net) = 1/(1 + e^−net)
activation-tanh-formula = tanh(net)
activation-relu-formula = max(0, net)
activation-linear-formula = net
activation-softmax-formula = e^net_i / Σ_j e^net_j

activation-sigmoid-derivative = f′(net) = f(net)(1 − f(net))
activation-tanh-derivative = f′(net) = 1 − f(net)²
activation-relu-derivative = f′(net) = 1 if net > 0, else 0
activation-linear-derivative = f′(net) = 1
activation-softmax-derivative = ∂s_i/∂net_j = s_i(δ_ij − s_j)

activation-sigmoid-applied = σ({ $net })
activation-tanh-applied = tanh({ $net })
activation-relu-applied = max(0, { $net })
activation-linear-applied = { $net }
activation-softmax-applied = e^{ $term } / Σ_k e^net{ $layer }ₖ

## The per-sample formula of each loss and of dC/dO.

loss-mse-formula = C = Σ_k (d_k − O_k)²
loss-half-mse-formula = C = ½ Σ_k (d_k − O_k)²
loss-cross-entropy-formula = C = −Σ_k d_k ln O_k
loss-binary-cross-entropy-formula = C = −Σ_k [d_k ln O_k + (1 − d_k) ln(1 − O_k)]

loss-mse-derivative = dC/dO = 2(O − d)
loss-half-mse-derivative = dC/dO = O − d
loss-cross-entropy-derivative = dC/dO = −d/O
loss-binary-cross-entropy-derivative = dC/dO = (O − d)/(O(1 − O))

## The costs' names in full (chart titles). "CE" is not one: the lesson uses it for the classification error.

cost-mse = MSE
cost-half-mse = half-MSE
cost-cross-entropy = cross-entropy
cost-binary-cross-entropy = binary cross-entropy
cost-classification-error = classification error
cost-cross-entropy-short = cross-ent.
cost-binary-cross-entropy-short = bin. cross-ent.
cost-classification-error-short = class. error
cost-mse-symbol = Σ(d−O)²
cost-half-mse-symbol = ½Σ(d−O)²
cost-cross-entropy-symbol = −Σ d ln O
cost-binary-cross-entropy-symbol = −Σ[d ln O + (1−d) ln(1−O)]
cost-classification-error-symbol = class of O ≠ class of d

## The names of the phases (status line, panel titles, messages).

phase-start = start
phase-forward = forward (layer { $layer })
phase-loss = loss
phase-output-delta = output delta
phase-hidden-delta = hidden delta (layer { $layer })
phase-gradients = gradients
phase-update = update (layer { $layer })
phase-done = done

## The status line: each part in full, then shorter when the line is narrow.

status-epoch = epoch { $epoch }
status-epoch-short = ep. { $epoch }
status-iteration = iteration { $iteration }/{ $iterations }
status-iteration-short = it. { $iteration }/{ $iterations }
status-learning-rate = η = { $rate }
status-mode-sgd = SGD
status-mode-batch = batch GD ({ $size } samples)
status-mode-batch-short = batch GD
status-mode-mini-batch = mini-batches of { $size }
status-mode-mini-batch-short = mini-batch { $size }

## The help popup: its title, its notes under the keys, and its scroll markers.

help-title = keys (Esc closes)
help-history = Stepping back reaches any of the last { $iterations } iterations, whatever ran them (stepping, n, e, auto-run, full speed), with the same numbers: checkpoints in about { $mebibytes } MiB are replayed.
help-click = Click a neuron in the diagram to select it.
help-more-above = ↑ more
help-more-below = ↓ more (↓/PgDn)

## What each phase does and why (the phase panel, one or two sentences).

explain-start-fresh = The network before training. Press Space for the first phase: the forward pass feeds a batch of samples through the network.
explain-start = The network as { $completed } earlier iterations left it. Press Space for the first phase of the next one.
explain-forward = Forward pass, layer { $layer }: each neuron adds up its inputs { $inputs } weighted by its row of { $matrix }, adds its bias, and applies f ({ $activation }).
explain-loss = The loss compares the outputs O with the targets d: { $formula }. Training makes it smaller.
explain-output-delta = Output delta: how much the cost changes with each output neuron's net input, δ = ∂C/∂net = dC/dO · f′(net). A large error changes the weights a lot, a small one a little.
explain-hidden-delta = Hidden delta, layer { $layer }: the error flows back through { $matrix } (as it was before its update), weighted by the same weights, times f′(net) of this layer.
explain-gradients = Gradients: each weight's share of the error, the δ of the neuron it feeds times the value it carries, averaged over the batch (and ∂C/∂b = δ).
explain-update = Update { $matrix }: step in the opposite direction of the gradient, scaled by the learning rate η. { $last } is updated first, then the layers before it.
explain-update-only-layer = Update { $matrix }: step in the opposite direction of the gradient, scaled by the learning rate η. The network has one layer, so { $matrix } is the only matrix to update.
explain-done = The iteration is complete: the costs over the whole training (and validation) set are recomputed and added to the plots. Space starts the next one.
## The phase's formula in symbols (the phase panel).

formula-forward = net{ $sup } = { $matrix }·{ $inputs }{ $bias },  { $outputs } = { $activation }
formula-output-delta = δ = dC/dO · f′(net);  { $loss };  { $activation }
formula-hidden-delta = δ{ $sup } = ({ $matrix }ᵀ δ{ $next }) ⊙ f′(net{ $sup })
formula-gradients = ∂C/∂Wˡ = mean over the batch of δˡ·(aˡ⁻¹)ᵀ
formula-gradient = ∂C/∂{ $matrix } = mean over the batch of { $delta }·{ $inputs }ᵀ
formula-update = { $matrix } ← { $matrix } − η·∂C/∂{ $matrix }
formula-done = costs over the whole sets

## Formulas worked out with this iteration's numbers.

worked-loss-over-training = { $loss } over the training set: { $before } → { $after }
worked-output-delta-bce = { $ok } − { $dk }  (σ′ = O(1 − O) cancels the denominator of dC/dO)
worked-output-delta-softmax-ce = { $ok }·Σd − { $dk }  (the softmax Jacobian and −d/O combine)
worked-output-delta-softmax = { $ok }·(∂C/∂{ $ok } − Σⱼ Oⱼ·∂C/∂Oⱼ)  (the softmax Jacobian)
worked-mean-over-samples = (1/{ $batch }) Σ_samples { $symbol }

## When training diverges.

divergence = training diverged in epoch { $epoch }, iteration { $iteration } ({ $phase }): { $quantity } became { $value }. { $advice }
divergence-advice-inputs = The inputs or the initial weights are too large for the network: try normalize = "standardize" in [data], or smaller initial weights.
divergence-advice-weights = The initial weights are too large for the network (the inputs are standardized already): try smaller initial weights.
divergence-advice-rate = Try a smaller learning rate (it is { $eta }).
quantity-net = net of layer { $layer }, neuron { $neuron }, sample { $sample }
quantity-output = f(net) of layer { $layer }, neuron { $neuron }, sample { $sample }
quantity-delta = δ of layer { $layer }, neuron { $neuron }, sample { $sample }
quantity-loss = the { $loss } loss
quantity-cost-training = the { $cost } over the training set
quantity-cost-test = the { $cost } over the test set
quantity-cost-validation = the { $cost } over the validation set

## The network drawn a layer a line (deep or wide networks).

layers-title = network { $sizes } ({ $matrices })
layers-layer = layer
layers-neurons = size
layers-activation = f
layers-mean-value = mean |a|
layers-mean-delta = mean |δ|
layers-inputs = inputs

## The values panel.

values-title = values ({ $decimals } decimals)
values-sample = sample { $number }
values-updated = { $matrix }: old → new (change)
values-more-above = ↑ more above
values-more-below = ↓ more below (PgDn)
values-columns = columns { $first }–{ $last } of { $count } (< >)
phase-more-above = ↑ more
phase-more-below = ↓ more (PgDn)
phase-more-below-unfocused = ↓ more (f, then PgDn)

## Presentation: a panel zoomed to the whole screen, the phase's result in large digits.
zoom-back = z or Esc: back
digits-back = Z or Esc: back
digits-nothing-yet = No number yet: step into the iteration (Space), then press Z again.
digits-loss = C, the { $loss } of the batch
digits-loss-over-training = C, the { $loss } over the training set after the update
digits-new-weight = { $weight }, new value

## Comparisons (backstep compare): what differs between the copies and what they share.

compare-summary = { $copies } copies that differ only in their { $setting } ({ $labels }); { $shared }; { $costs }.
compare-shared-start = the same initial weights and data order
compare-shared-data = the same data and data order
compare-costs-trained = { $epochs ->
    [one] { $epochs } epoch
   *[other] { $epochs } epochs
} each, costs over the training set after the last epoch
compare-costs-given = costs of the given weights (0 epochs)
compare-costs-initial = costs of the initial weights (0 epochs)
setting-loss = loss
setting-learning-rate = learning rate η
setting-mode = gradient descent mode
setting-batch-size = batch size
setting-hidden-activation = hidden activation
setting-init = initialization
setting-weights = weights

## The classes view (v).

classes-more = ↓ { $count } more: f, then z

## Compare mode's summary table.

compare-copy = copy
compare-accuracy = accuracy
compare-epochs-to-target = epochs to target

## The cost table of the loss phase: one row per sample of the batch, then the mean.

cost-table-title = cost table: the { $batch } samples of this batch
cost-table-sample = sample
cost-table-right = right class
cost-table-mean = mean
cost-table-scrolled = samples { $first }–{ $last } of { $count } (PgUp/PgDn)

## Data.

test-set-note = The test set was used once, after iteration { $iteration } (epoch { $epoch }). It estimates how the network does on new data only because nothing was chosen by looking at it: tune on the validation set, and keep the test set for the end.
test-set-reused = Test set reused: no longer an unbiased estimate (what was chosen after seeing it has been fitted to it).

## The handout (trace --format markdown).

handout-setting = setting
handout-value = value
handout-layers = layers
handout-layer = layer { $layer }
handout-layer-value = { $matrix } ({ $rows } × { $cols }), activation { $activation }
handout-biases = biases
handout-loss = loss
handout-learning-rate = learning rate η
handout-mode = mode
handout-mode-value = { $mode } (batch size { $batch }, iterations per epoch: { $per_epoch })
handout-training-samples = training samples
handout-notation = Notation: row j of a weight matrix holds the weights into neuron j; neurons are numbered from 1. Numbers are rounded to { $places } places (the JSON trace has them in full).
handout-iteration = Epoch { $epoch }, iteration { $iteration } of { $per_epoch }
handout-sample = sample
handout-more-samples = { $count } more samples
handout-same-for-each-sample = Each sample is worked out the same way; the formulas below are for sample { $sample }. The gradients average over all { $batch } samples of the batch.
handout-forward-title = 1. Forward pass
handout-forward-layer = Layer { $layer }: { $formula }
handout-loss-title = 2. Loss
handout-batch-mean = mean over the batch: { $value }
handout-output-delta-title = 3. Output delta
handout-output-delta = δ{ $sup } = ∂C/∂net{ $sup }: how much the cost changes with each output neuron's net input ({ $loss }; { $activation }).
handout-hidden-title = 4. Hidden deltas
handout-hidden = The error flows back through the weights of the layer above, as they were **before** the update: δˡ = (Wˡ⁺¹ᵀ δˡ⁺¹) ⊙ f′(netˡ).
handout-gradients-title = { $number }. Gradients
handout-gradients = ∂C/∂Wˡ = mean over the batch of δˡ (aˡ⁻¹)ᵀ{ $bias }.
handout-gradients-learned = , ∂C/∂bˡ = mean of δˡ
handout-gradients-fixed = { " " }(the biases are fixed: they take part but are not updated)
handout-updates-title = { $number }. Updates, in the opposite direction of the gradient (η = { $eta })
handout-weight = weight
handout-old = old
handout-new = new
handout-change = change
handout-health-title = Gradient health
handout-health = How large the error signal is in each layer on its way back (for this batch); a ratio far below 1 means the gradient shrinks from layer to layer.
handout-health-columns = | layer | mean abs(δ) | mean f′(net) | ‖∂C/∂W‖ | mean abs(δ) / next layer's |
handout-health-no-ratio = — (no δ in the next layer)
handout-costs-title = Costs over the whole training set
handout-cost = cost
handout-before = before
handout-after = after
handout-validation = Validation set after the update: { $costs }

## Stop rules (issue 12): why training stopped, for the view, train and compare.
stop-epochs = finished: { $epochs } epochs
stop-below = at the end of epoch { $epoch } the training { $cost } was { $value }, below { $below } (stop rule `cost`, `below`)
stop-settled = at the end of epoch { $epoch } the training MSE had changed by { $change } over the last { $over } epochs, less than { $min_change } (stop rule `min_change`, `over_epochs`)
stop-stopped = stopped: { $reason }
stop-beyond-epochs = running beyond the scenario's { $epochs } epochs
stop-beyond-rule = running on past the stop rule; the scenario's { $epochs } epochs no longer stop it either

## Every sample of a batch (issue 12): the phase panel's line under the explanation.

explain-chosen-of-batch = sample { $sample } — { $position } of { $batch } in this batch (, . choose); the gradients average all { $batch }

## Compare any key (issue 13): a varied key without a short name, and what such copies share.

setting-key = `{ $key }`
compare-shared-rest = everything else the same

## trace --format latex (issue 14): the first line of the LaTeX handout.

handout-latex-engine = Compile with pdflatex (Debian: texlive-latex-base, texlive-latex-recommended, lmodern): pdflatex handout.tex

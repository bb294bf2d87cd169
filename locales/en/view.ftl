### The words of the terminal view (src/tui): the keys, the panels' titles and labels, the
### notices. Numbers come as arguments, already written out.

## What each key does, in the help popup (?).

view-key-next-phase = next phase
view-key-previous-phase = previous phase (undo)
view-key-finish-iteration = finish the iteration
view-key-finish-epoch = finish the epoch
view-key-back-iteration = back a whole iteration (to the end of the one before)
view-key-back-epoch = back a whole epoch (to the end of the one before)
view-key-run = run / pause
view-key-faster = faster: 1, 3, 10 phases/s; 1 to 10,000 iterations/s; full
view-key-slower = run slower
view-key-select-next = select the next neuron or weight
view-key-select-previous = select the previous neuron or weight
view-key-select-layer = select in the next layer
view-key-more-precision = one more decimal place
view-key-less-precision = one fewer decimal place
view-key-compare = compare mode: the scenario's copies in lockstep / back
view-key-focus = focus the next panel (diagram, phase, values, charts)
view-key-zoom = zoom the focused panel to the whole screen / back
view-key-big-digits = the phase's result in large digits / back
view-key-theme = light / dark theme (for a projector)
view-key-scroll-down = scroll the focused panel (phase, values, cost table) down
view-key-scroll-up = scroll the focused panel (phase, values, cost table) up
view-key-scroll-right = wide matrices in the values panel: the columns further right
view-key-scroll-left = wide matrices in the values panel: the columns further left
view-key-test = evaluate the test set (once; again only if Enter confirms)
view-key-x-axis = plots against iterations / epochs
view-key-y-axis = plots on a linear / log scale
view-key-picker = choose a scenario
view-key-reset = start the scenario again
view-key-help = this help
view-key-confirm = open the chosen scenario (in the picker)
view-key-close = close a popup, a zoom or a notice
view-key-quit = quit
view-key-classes = accuracy and confusion matrix / cost charts
view-key-health = gradient health per layer / values

## The speeds of auto-run, in the status bar.

view-speed-phases = { $count } { $n ->
    [one] phase
   *[other] phases
}/s
view-speed-iterations = { $count } { $n ->
    [one] iteration
   *[other] iterations
}/s
view-speed-full = full speed

## The key bar at the bottom: what the most used keys do, in a word or two.

view-bar-next = next
view-bar-back = back
view-bar-iteration = iteration
view-bar-epoch = epoch
view-bar-run = run
view-bar-select = select
view-bar-scenarios = scenarios
view-bar-help = help
view-bar-quit = quit

## The gradient health view (g).

view-health-none = No gradients yet: step to the gradients phase (or press n) to see them.
view-health-scale = epoch { $epoch }, iteration { $iteration }; bars: log scale over { $decades } decades
view-health-mean-delta = mean |δ|
view-health-mean-derivative = mean f′(net)
view-health-ratio = ×: over the next layer's figure, toward the output
view-health-title = gradient health
view-health-title-keys = gradient health (g: values)

## The input drawn as an image (the digits).

view-image-title = input
view-image-empty = Space: load a sample
view-image-true = true: { $class }
view-image-predicted = predicted: { $class } { $mark }

## A split of the data with a figure (accuracy or classification error), e.g. "training 95.0%".

view-split-training = training { $value }
view-split-validation = validation { $value }

## The classification view (v): accuracy and the confusion matrix.

view-classes-accuracy = accuracy: { $splits }
view-classes-matrix-training = confusion matrix of the training set
view-classes-matrix-validation = confusion matrix of the validation set
view-classes-hint = (rows: true, columns: predicted; v: charts)
view-classes-corner = true\predicted

## The cost charts.

view-plots-validation-value = (val { $value })
view-plots-training = training
view-plots-validation = validation
view-plots-unit-iterations = it
view-plots-unit-epochs = ep

## Compare mode (c).

view-compare-status = compare { $setting } ({ $copies } copies)
view-compare-status-short = compare ({ $copies } copies)
view-compare-leave = c: leave
view-compare-batch-loss = batch { $loss }: { $value }
view-compare-every-copy = { $cost }, every copy
view-compare-not-yet = not yet
view-compare-diverged = diverged
view-compare-summary = summary (training set; target: { $cost } ≤ { $target })
view-compare-none = { $scenario } declares no [compare] table; try the built-ins mse-vs-ce, gd-modes or cost-table

## The diagram's title: after the network's sizes, what underlining means.

view-network-delta = δ underlined

## A terminal smaller than the view needs.

view-too-small = terminal too small
view-too-small-sizes = need { $need }, have { $have }
view-too-small-hint = enlarge the window, or press q to quit

## Notices.

view-test-none = No test set is held out: set `test` in the scenario's [data].
view-test-result = Test set ({ $samples } samples): MSE { $mse }, cross-entropy { $cross_entropy }, accuracy { $accuracy }.
view-test-again = Enter evaluates the test set again on the network as it is now, after which it is no longer an unbiased estimate; Esc keeps the stored result:
view-undo-start = This is the start: nothing to undo.
view-undo-history-end = The history ends here: stepping back reaches the last { $iterations } iterations, whatever ran them (checkpoints in about { $mebibytes } MiB).

## The scenario picker (s).

view-picker-title = scenarios (↑↓ choose, Enter open, Esc close)

## The phase panel: the labels before this iteration's numbers and the formula.

view-phase-numbers = numbers
view-phase-formula = formula

## Stop rules (issue 12): the status line while auto-run goes on beyond the scenario.
view-status-beyond = , beyond { $epochs } epochs
## Every sample of a batch (issue 12): the keys, and why practice keeps the first.

view-key-next-sample = show the next sample of the batch (stops at the last)
view-key-previous-sample = show the previous sample of the batch (stops at the first)
sample-practice-first = Practice asks about the first sample of each batch: leave it (p) to choose another with , and .

## The decision boundary (issue 13): its key, its title and its axes.

view-key-boundary = the decision boundary over the input plane / values
view-boundary-title = decision boundary after { $iterations } iterations (b: values)
view-boundary-two-inputs = The decision boundary is drawn over the plane of two inputs; this network has { $inputs } inputs.
view-boundary-legend = ● training  ○ validation
view-boundary-title-short = decision boundary (b: values)

## The settings panel (issue 13)
view-key-settings = settings: change any setting, apply it, save it as a file
settings-title = Settings: { $name } ({ $shape })
settings-learning-rate = Learning rate η
settings-loss = Cost function (loss)
settings-hidden-activation = Hidden activation
settings-output-activation = Output activation
settings-mode = Gradient descent
settings-batch-size = Batch size (mini-batch)
settings-shuffle = Shuffle each epoch
settings-init = Initial weights
settings-init-range = Initial range r, U(−r, r)
settings-hidden-sizes = Hidden layer sizes
settings-bias = Bias
settings-normalize = Preprocessing of inputs
settings-validation = Validation share
settings-test = Test share
settings-seed = Seed
settings-generator = Data generator
settings-samples = Samples
settings-noise = Noise (std. dev.)
settings-keys = ↑↓ choose · ←→ change · type a number · Enter apply (the run starts again) · w save as a scenario file · Esc close
settings-hint-choice = ←→ choose: { $names }.
settings-hint-toggle = ←→ switch between true and false.
settings-hint-hidden = ←→ one neuron more or fewer in each hidden layer, or type the sizes, e.g. 8, 4 (two hidden layers).
settings-hint-number = ←→ the next value up or down, or type a number and press Enter.
settings-hint-changed = * changed: Enter applies the changes, Esc drops them.
settings-applied = Applied: { $changes }.
settings-same-start = The run starts again from the same initial weights: only what you changed differs.
settings-new-start = The run starts again from new initial weights (the shape or the initialization changed).
settings-save-apply-first = Apply the changes first (Enter): the file keeps the scenario as it runs.
settings-save-as = Save as:
settings-save-keys = Enter saves · Esc cancels
settings-save-replace = That file exists: Enter again replaces it, or change the name.
settings-save-unavailable = This version cannot write files.
settings-saved = Saved { $files }: `backstep check` reads it, `backstep run` runs it as you ran it.
settings-more-above = ↑ more
settings-more-below = ↓ more

## Sessions (issue 14)
view-key-save-session = save the session to NAME.session.toml (backstep resume)
session-saved = Session saved to { $file }: `backstep resume { $file }` opens it here again.

## Export from the view (issue 14)
view-key-export = export: handout, charts, curves, screen or scenario as files
export-title = Export (↑↓ choose · Enter write · Esc close)
export-markdown = this iteration as markdown
export-latex = this iteration as LaTeX
export-svg = the charts as SVG
export-png = the charts as PNG
export-csv = the curves as CSV
export-screen = the screen as plain text
export-scenario = the scenario as run (TOML)
export-written = Wrote { $files }.
export-chart-title = { $name } ({ $shape }): costs after { $iterations } iterations
status-written = wrote { $file }

# The web page: links that open a place, and its touch buttons.
link-bad-phase = The link's phase “{ $found }” is not a whole number from 0 to { $most }; the scenario opens at its start.
link-bad-language = The link's language “{ $found }” is neither ko nor en; the browser's language is used.
web-button-back = ◀ back
web-button-next = next ▶
web-button-run = run
web-button-help = help ?
web-quit = The page stays open: close the browser tab to leave.

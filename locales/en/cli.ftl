### The command line's words: what list, check, train, compare and the errors print, and
### clap's help (about texts, every argument's help, the headings). Numbers arrive written out.

## clap's help. An argument's help receives { $values } (its possible values) and
## { $default } (its default), which clap no longer writes itself.

cli-help-usage = Usage:
cli-help-commands = Commands
cli-help-arguments = Arguments
cli-help-options = Options
cli-help-flag-help = Print help
cli-help-flag-version = Print version
cli-help-backstep = backstep: step through back-propagation one phase at a time
cli-help-backstep-lang = The language of what backstep writes: { $values } (default: from LC_ALL, LC_MESSAGES or LANG; `ko…` is Korean, anything else English)
cli-help-help = Print this message or the help of the given command
cli-help-run = Open the stepping view on a scenario (a file path or a built-in name)
cli-help-run-scenario = A scenario file or a built-in name
cli-help-run-theme = The colours: { $values } (default: { $default }); dark uses the terminal's background, light writes dark text on a light background for a washed-out projector; NO_COLOR still turns colours off
cli-help-list = List the built-in scenarios with their descriptions
cli-help-check = Validate scenario files (or built-in names); exit 0 when all are valid
cli-help-check-scenarios = Scenario files or built-in names
cli-help-trace = Write every number of the first iterations: JSON Lines, CSV, or a handout in markdown or LaTeX
cli-help-trace-scenario = A scenario file or a built-in name
cli-help-trace-steps = How many iterations to trace (default: { $default })
cli-help-trace-format = The output format: { $values } (default: { $default }); json is JSON Lines, one object per iteration at full precision; csv is one number per row; markdown is a readable worked iteration; latex is the same as a LaTeX document (pdflatex; Korean: xelatex)
cli-help-trace-output = Write to this file instead of standard output
cli-help-compare = Train two to four copies that differ in one setting, from the same initial weights and data order, and compare them
cli-help-compare-scenario = A scenario file or a built-in name
cli-help-compare-vary = The key and its 2 to 4 values: any key --set accepts, or a short name (loss, learning_rate, mode, batch_size, hidden_activation, init, weights), e.g. loss=mse,cross-entropy or data.normalize=none,standardize; a TOML array for values that hold commas, e.g. 'network.layers=[[2, 2, 1], [2, 4, 1]]' (default: the scenario's `[compare]` table)
cli-help-compare-epochs = Epochs to train each copy; 0 compares the initial weights (default: the scenario's `[compare] epochs`, else its `epochs`)
cli-help-compare-target = The target for "epochs to reach", e.g. mse=0.05 (default: the scenario's, or mse=0.1)
cli-help-compare-format = The output format: { $values } (default: { $default }); markdown is the summary table, csv every copy's curves
cli-help-compare-output = Write to this file instead of standard output
cli-help-train = Train headlessly (fast) and print the final costs
cli-help-train-scenario = A scenario file or a built-in name
cli-help-train-epochs = Epochs to train (default: the scenario's `epochs`)
cli-help-train-curve = Write one row per epoch with all five costs to this CSV file
cli-help-train-test = After training, evaluate the held-out test set once

## Errors. { $message } is a whole message; { $reason } is the operating system's own words.

cli-error = error: { $message }
cli-error-write = { $path }: cannot write: { $reason }
cli-error-terminal = cannot use the terminal for the stepping view: { $reason }; without a terminal, use `backstep trace` or `backstep train`
cli-error-not-terminal-output = standard output is not a terminal (it goes to a file or a pipe)
cli-error-not-terminal-input = standard input is not a terminal (keys cannot be read)
cli-error-dumb-terminal = TERM=dumb cannot draw the view
cli-error-check = { $invalid } of { $total } checked are invalid
cli-error-no-compare = { $origin }: the scenario declares no [compare] table; give --vary KEY=VALUE,VALUE (e.g. --vary loss=mse,cross-entropy)
cli-error-vary = --vary: { $message }
cli-error-target-form = --target: expected COST=VALUE (e.g. mse=0.05), found `{ $found }`
cli-error-target-cost = --target: expected one of { $costs }, found `{ $found }`
cli-error-target-number = --target: expected a finite number, found `{ $found }`
cli-panic = backstep crashed: this is a bug in backstep, not a problem with your scenario or command.

## list and check.

cli-list-default = { $name } (default)
cli-list-invalid = (invalid)
cli-list-lesson = lesson { $name }: { $title } ({ $stops ->
    [one] one stop
   *[other] { $stops } stops
})
cli-list-lesson-invalid = lesson { $name }: (invalid) { $message }
cli-check-lesson-ok = ok: { $origin } (a lesson of { $stops ->
    [one] one stop
   *[other] { $stops } stops
})
cli-check-ok = ok: { $origin } ({ $name }: { $sizes } network, training samples: { $samples })

## train.

cli-train-header = { $name } ({ $shape }): { $epochs ->
        [one] { $epochs } epoch
       *[other] { $epochs } epochs
    }, { $iterations ->
        [one] { $iterations } iteration
       *[other] { $iterations } iterations
    } ({ $mode }, batch size { $batch }, η = { $eta })
cli-train-training = training
cli-train-validation = validation
cli-train-test = test
cli-train-no-test = no test set is held out (set `test` in [data])
cli-train-timing = trained { $iterations } iterations in { $seconds } s ({ $nanoseconds } ns/iteration)

## compare's summary table (the copy and accuracy columns are compare-copy and
## compare-accuracy of lesson.ftl).

cli-compare-title = { $name }: { $setting } compared
cli-compare-epochs-to = epochs to { $cost } ≤ { $target }
cli-compare-ratio = mean abs(δ¹) / mean abs(δᴸ)
cli-compare-not-reached = not reached
cli-compare-stopped = { $label } stopped early — { $reason }
cli-help-lesson = Open a guided lesson where you left off (a lesson file or a built-in name; none: the built-in backprop)
cli-help-lesson-lesson = A lesson file or a built-in name (default: backprop)
cli-help-lesson-restart = Begin the lesson anew, forgetting its saved place and answers

cli-parse-unknown-command = there is no command `{ $command }`; the commands are { $commands }.
cli-parse-unknown-option = this command has no option `{ $option }`.
cli-parse-invalid-value = { $option }: `{ $value }` is not a valid value.
cli-parse-missing = missing: { $arguments }.
cli-parse-other = the command line could not be read.
cli-parse-valid = Expected one of: { $values }.
cli-parse-suggested = Similar: { $suggested }.
cli-parse-help = For the commands and their options: backstep --help (or backstep COMMAND --help).
cli-compare-diverged-cell = diverged in epoch { $epoch }
cli-error-every-copy-diverged = every copy diverged ({ $copies } of { $copies }): none completed its { $epochs } epochs, so there is nothing to compare. What to try is said for each copy above.

## Stop rules (issue 12).
cli-compare-stopped-label = { $label } (stopped at epoch { $epoch })

## --set (issue 13)
cli-help-run-set = Change a scenario key, e.g. training.learning_rate=0.1 or 'network.layers=[2, 5, 1]' (a TOML value; text that is not TOML is a string; repeatable, a later one wins)
cli-help-trace-set = Change a scenario key, e.g. training.learning_rate=0.1 or 'network.layers=[2, 5, 1]' (a TOML value; text that is not TOML is a string; repeatable, a later one wins)
cli-help-train-set = Change a scenario key, e.g. training.learning_rate=0.1 or 'network.layers=[2, 5, 1]' (a TOML value; text that is not TOML is a string; repeatable, a later one wins)
cli-help-compare-set = Change a scenario key, e.g. training.learning_rate=0.1 or 'network.layers=[2, 5, 1]' (a TOML value; text that is not TOML is a string; repeatable, a later one wins)
cli-help-lesson-set = Change a key of every scenario the lesson opens, e.g. training.learning_rate=0.1 (a TOML value; repeatable)

## resume (issue 14)
cli-help-resume = Open a saved session (S in the view) where it was saved, with the same numbers
cli-help-resume-file = A session file, e.g. xor.session.toml

## plot (issue 14)
cli-help-plot = Draw the cost curves (MSE, cross-entropy, classification error; training and validation) as an SVG or PNG image, every copy of a comparison overlaid
cli-help-plot-scenario = A scenario file or a built-in name
cli-help-plot-epochs = Epochs to train (default: the scenario's epochs, or its [compare] epochs)
cli-help-plot-output = The image: FILE.svg or FILE.png (default: NAME-curves.svg in the current folder)
cli-help-plot-size = Width × height in pixels, e.g. 1280x800 (default: { $default })
cli-help-plot-compare = Overlay the copies of the scenario's [compare] table (a scenario with one is always drawn so; this refuses one without)
cli-help-plot-vary = Overlay copies that differ in one setting, as compare --vary makes them, e.g. loss=mse,cross-entropy
cli-help-plot-set = Change a scenario key, e.g. training.learning_rate=0.1 (a TOML value; repeatable)
cli-plot-wrote = wrote { $file }
cli-error-plot-kind = expected an image file ending in .svg or .png, found { $found }
cli-error-plot-size = --size: expected WIDTHxHEIGHT in pixels, each from { $min } to { $max }, e.g. 960x600, found { $found }
cli-help-run-export_dir = The folder w (export) writes into (default: the current folder)

### Errors in scenario files and data files: what was expected, what was found, and how to
### fix it. File names, keys, numbers and values are arguments, already written out.

## The scenario file itself (and the reading of a lesson file: `kind` is scenario or lesson).

error-read = { $file }: cannot read the { $kind ->
    [lesson] lesson
    [session] session
   *[scenario] scenario
} file: { $reason }
error-empty = { $file }: the file is empty; a scenario needs at least `name`, `[network] layers` and a `[data]` table (see `backstep list` and the files in scenarios/)
error-not-utf = { $file }:{ $line }:{ $column }: expected UTF-8 text, found the byte { $byte }; save the file as UTF-8
error-not-a-file = { $file }: expected a { $kind ->
    [lesson] lesson
    [session] session
   *[scenario] scenario
} file, found { $found ->
    [folder] a folder
   *[device] a device or pipe, or a system file (under /proc, /sys or /dev)
}
error-too-large = { $file }: expected a { $kind ->
    [lesson] lesson
    [session] session
   *[scenario] scenario
} file of at most { $limit } bytes, found { $bytes } bytes
error-origin-builtin = built-in { $name }
error-unknown-scenario = no scenario file or built-in scenario named `{ $name }`; built-ins: { $builtins }

## The sentence most messages share, and lists of names.

error-expected-found = expected { $expected }, found { $found }
error-expected-count = expected { $expected }, found { $found }
error-expected-one-of = expected one of { $names }, found { $found }
error-one-of = one of { $names }
error-alternatives = { $rest } or { $last }
error-none = none
error-both = { $first } and { $second }

## TOML and its types, as a student knows them.

error-toml-syntax = TOML syntax error: { $detail }
error-toml-syntax-overflow = TOML syntax error: { $detail } (expected a finite number)
error-unknown-key = unknown key { $key }; expected { $expected }
error-missing-key = missing required key { $key }
error-no-keys = no keys here
error-type-array = an array
error-type-table = a table
error-type-whole-nonnegative = a whole number ≥ 0
error-type-whole = a whole number
error-type-number = a number
error-type-string = a string
error-type-boolean = a boolean
error-type-datetime = a date
error-kind-string = string
error-kind-integer = integer
error-kind-number = number
error-kind-boolean = boolean
error-kind-array = array
error-kind-datetime = date
error-kind-table = table
error-found-value = { $kind } { $value }

## Localized text: a plain string or a table of languages.

error-type-text = text, or a table of languages such as {"{"} en = "…", ko = "…" {"}"}
error-text-type = expected text, or a table of languages such as {"{"} en = "…", ko = "…" {"}"}, found { $found }
error-text-language = expected the language `en` or `ko`, found `{ $language }`
error-text-english = a table of languages needs `en` (the text when no other language fits)

## Counted things, and what they are for.

error-count-matrices = { $n ->
    [one] { $n } matrix
   *[other] { $n } matrices
} (one per layer after the inputs)
error-count-rows = { $n ->
    [one] { $n } row
   *[other] { $n } rows
} (one per neuron of layer { $layer }, each holding the weights into it)
error-count-weights-from-inputs = { $n ->
    [one] { $n } weight
   *[other] { $n } weights
} (one per input)
error-count-weights-from-layer = { $n ->
    [one] { $n } weight
   *[other] { $n } weights
} (one per neuron of layer { $layer })
error-count-bias-vectors = { $n ->
    [one] { $n } vector of biases
   *[other] { $n } vectors of biases
} (one per layer after the inputs)
error-count-biases = { $n ->
    [one] { $n } bias
   *[other] { $n } biases
} (one per neuron of layer { $layer })
error-count-inputs = { $n ->
    [one] { $n } input
   *[other] { $n } inputs
} (the first entry of `layers`)
error-count-targets = { $n ->
    [one] { $n } target
   *[other] { $n } targets
} (the last entry of `layers`)

## [network]

error-finite = expected a finite number, found { $value }
error-layer-count = expected 2 to { $max } layer sizes (inputs, hidden…, outputs), found { $found }
error-layer-size = expected a layer size from 1 to { $max }, found { $found }
error-too-many-weights = expected at most { $max } weights in all, found { $found }
error-softmax-hidden = expected { $allowed } (softmax is for the output layer only), found "softmax"
error-softmax-one-output = softmax needs at least 2 outputs, found layers ending in { $outputs }; use sigmoid for one output
error-init-range-uniform = `init_range` applies only to init = "{ $uniform }", found init = "{ $init }"
error-init-range-negative = expected a range ≥ 0, found { $value }
error-biases-without-bias = biases are given but bias = "none"; remove `biases` or set bias = { $others }

## [training]

error-learning-rate-negative = expected a learning rate ≥ 0 (the update already subtracts the gradient), found { $value }
error-batch-size-zero = expected a batch size ≥ 1, found 0
error-batch-size-missing = mode = "{ $mode }" needs `batch_size` (e.g. batch_size = 10)
error-epochs = expected { $min } to { $max } epochs, found { $found }
error-batch-too-big = a batch of { $batch } samples through { $neurons } neurons needs more than { $max } numbers per buffer; use mode = "{ $mode }" with a smaller batch_size

## [data]

error-sources = expected exactly one source of samples (`inputs` with `targets`, `generator`, or `file`), found { $found }
error-generator-only = `{ $key }` applies only to a `generator`
error-generator-width = the { $name } generator makes { $width } inputs, found layers starting with { $inputs }
error-generator-classes = the { $name } generator has 2 classes (1 or 2 outputs), found layers ending in { $outputs }
error-samples = expected 1 to { $max } samples, found { $found }
error-data-too-big = expected at most { $max } numbers of data in all, found { $samples } samples × { $each } numbers each = { $numbers }
error-noise-negative = expected noise ≥ 0, found { $value }
error-class-and-targets = expected either `class_column` or `target_columns`, found both
error-no-file = expected a CSV file (relative to the scenario's folder), found { $found ->
    [folder] a folder
    [device] a device or pipe, or a system file (under /proc, /sys or /dev),
   *[nothing] nothing
} at { $path }
error-targets-missing = `inputs` is given but `targets` is missing; give one target row per input row
error-inputs-missing = `targets` is given but `inputs` is missing; give one input row per target row
error-no-samples = expected at least one sample, found none
error-target-count = expected one target per input ({ $inputs } inputs), found { $targets } targets
error-image = expected [rows, columns] with rows × columns = { $inputs } (the inputs), found { $found }
error-fraction = expected a fraction in [0, 1), found { $value }
error-no-training-data = validation + test must leave some training data (sum < 1), found { $validation } + { $test } = { $sum }

## [compare]

error-vary-form = expected KEY=VALUE,VALUE or KEY=[VALUE, VALUE] (e.g. loss=mse,cross-entropy), found `{ $spec }`
error-vary-value = value { $n } of `{ $key }`: { $reason }
error-copies = expected { $min } to { $max } values (one per copy), found { $found }
error-label-count = expected { $copies } labels (one per value), found { $found }
error-label-blank = expected a label that is not blank, found "{ $label }"
error-label-again = expected a label unlike the others, found "{ $label }" again

## Data files (CSV).

error-csv-read = { $file }: cannot read the data file: { $reason }
error-csv-empty = { $file }: the data file is empty; expected a header row and at least one sample
error-csv-too-large = expected a data file of at most { $limit } bytes, found { $bytes } bytes
error-csv-unknown-column = unknown column `{ $name }`; the header has: { $header }
error-csv-columns = expected more than { $outputs } columns (inputs, then { $outputs } targets from `layers`), found { $found }
error-csv-features = expected { $inputs } feature columns (the first entry of `layers`), found { $found }: { $names }
error-csv-targets = expected { $outputs } target columns (the last entry of `layers`), found { $found }
error-csv-fields = expected { $expected } fields like the header, found { $found }
error-csv-class-empty = column `{ $column }`: expected a class name, found an empty field
error-csv-number-empty = column `{ $column }`: expected a number, found an empty field
error-csv-not-finite = column `{ $column }`: expected a finite number, found `{ $field }`
error-csv-not-number = column `{ $column }`: expected a number, found `{ $field }`
error-csv-classes = column `{ $column }` has { $found } classes ({ $classes }), but the network has { $outputs } outputs; expected { $wanted } classes (one output holds two classes as 0/1)
error-csv-classes-more = column `{ $column }` has more than { $wanted } classes ({ $classes }), but the network has { $outputs } outputs; expected { $wanted } classes (one output holds two classes as 0/1)
error-csv-duplicate-column = columns { $first } and { $second } are both named `{ $name }`; expected a different name for each column
error-csv-too-many-numbers = expected at most { $max } numbers of data in all ({ $each } for each sample), found more by this row; use fewer samples
error-csv-utf = expected UTF-8 text, found other bytes; save the file as UTF-8

## Lesson files: their stops, checked against their scenarios.

error-lesson-origin-builtin = built-in { $name }
error-lesson-unknown = no lesson file or built-in lesson named `{ $name }`; built-ins: { $builtins }
error-lesson-no-stops = expected at least one [[stop]], found none
error-lesson-what-iteration = an iteration from 1 to { $max }
error-lesson-phase = expected one of the phases of a network of { $depth } layers ({ $names }), found `{ $phase }`
error-lesson-show-compare = expected a scenario with a [compare] table for show = "compare", found `{ $scenario }` without one
error-lesson-what-scenario = a built-in scenario ({ $builtins }) or a scenario file beside the lesson
error-lesson-scenario-invalid = expected a valid scenario, found one that is not:
    { $error }
error-lesson-what-index = { $what ->
    [neuron] a neuron
    [row] a row
    [column] a column
   *[choice] a choice
} from 1 to { $count }
error-lesson-what-layer = a layer from { $low } to { $high }
error-lesson-select = expected {"{"} layer, neuron {"}"} or {"{"} layer, row, col {"}"}
error-lesson-unexpected-key = unexpected key `{ $key }`: { $question ->
    [number] this `ask`
   *[choice] a multiple choice
} takes { $takes }
error-lesson-what-tolerance = a tolerance from 0 to 1 (0.01 is 1 %)
error-lesson-choices = expected 2 to 6 choices, found { $found }
error-lesson-ask-or-choices = expected a number to predict (`ask`) or a multiple choice (`choices`), not both or neither
error-csv-long-line = expected lines of at most { $limit } bytes, found a longer one; a row holds one sample

## Stop rules (issue 12): [training.stop].
error-stop-pair = `{ $given }` needs `{ $missing }` beside it in [training.stop]
error-stop-positive = expected a number above 0, found { $value }

## --set KEY=VALUE (issue 13)
error-set-form = expected KEY=VALUE, e.g. training.learning_rate=0.1 (a TOML value; text that is not TOML is taken as a string)
error-set-not-table = `{ $key }` is a value, not a table

## Saving a scenario (settings panel, issue 13)
error-save-io = could not write { $file }: { $reason }
error-save-data-differs = { $file } is already there and is not this scenario's data set: save into another folder
error-save-path = { $file } cannot be named in a scenario file (its name is not UTF-8)

## Plotting (issue 14)
error-plot-draw = could not draw the image: { $reason }

## Sessions (issue 14)
session-write = could not save the session to { $file }: { $reason }
session-invalid = { $file } is not a session backstep can resume: { $reason }
session-version = expected version { $expected }, found { $found }
session-changed = { $file }: the scenario { $scenario } has changed since the session was saved, so its numbers would not be the same: { $changes }
session-changed-text = its text changed
session-changed-none = (none)
session-changed-more = and { $n } more

## Compare any key (issue 13).

error-compare-key = expected a scenario key (e.g. data.normalize) or one of { $names }, found "{ $found }"
session-data-changed = { $file }: the data of the scenario { $scenario } has changed since the session was saved, so its numbers would not be the same
error-set-uneditable = the file cannot be edited: { $reason }

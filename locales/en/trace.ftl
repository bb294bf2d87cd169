### The handout's and the reports' names for settings a scenario file writes as keys.

trace-mode-batch = batch
trace-mode-sgd = SGD
trace-mode-mini-batch = mini-batch
trace-bias-learned = learned
trace-bias-fixed = fixed (not updated)
trace-bias-none = none

## Plots (issue 14)
plot-epochs = epochs
plot-training = training
plot-validation = validation
plot-title = { $name } ({ $shape }): cost curves over { $epochs } epochs
plot-title-compare = { $name } ({ $shape }): { $setting } compared over { $epochs } epochs
plot-iterations = iterations

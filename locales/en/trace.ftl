### The handout's and the reports' names for settings a scenario file writes as keys.

trace-mode-batch = batch
trace-mode-sgd = SGD
trace-mode-mini-batch = mini-batch
trace-bias-learned = learned
trace-bias-fixed = fixed (not updated)
trace-bias-none = none

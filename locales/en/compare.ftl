# The labels of a comparison's copies, when the scenario gives none.
compare-label-batch-size = batch size { $size }
compare-label-hidden = hidden { $activation }
compare-label-init = init { $init }
compare-label-weights = weights #{ $number }
compare-label-batch = batch
compare-label-sgd = SGD
compare-label-mini-batch = mini-batch

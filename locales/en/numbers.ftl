## Numbers a scenario's data cannot give (issue 11): refused at check.

numbers-target-position = target column { $position }
numbers-input-position = input column { $position }
numbers-target-outside = the { $loss } reads targets as probabilities, between 0 and 1; sample { $sample } has { $value }. Use targets in [0, 1] (one-hot classes), or the MSE
numbers-standardize-mean = these inputs are too large to standardize (up to { $largest }): their mean overflows and every value would become NaN. Divide the column by a power of ten first
numbers-standardize-spread = these inputs are too large to standardize (up to { $largest }): their spread overflows and every value would become 0. Divide the column by a power of ten first

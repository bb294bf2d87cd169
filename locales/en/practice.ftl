### Practice: predict a number (or pick a choice), then see it revealed.
### Symbols, numbers and formulas arrive already written out.

practice-prompt = What is { $symbol }?
practice-prompt-weight = What is { $symbol } after the update?
practice-prompt-cost = What is the { $symbol } over the training set?
practice-formula-batch-loss = C = the mean { $loss } over the batch of { $samples } samples = { $value }
practice-formula-cost = { $cost } over the { $samples } training samples = { $value }
practice-not-a-number = “{ $text }” is not a number: write digits with . for the decimals, - for a minus and e for a power of ten, e.g. -1.5e-3.
practice-hint = Not yet. Hint: { $hint }
practice-revealed = The answer: { $formula }
practice-right = Right: { $formula }
practice-choice-retry = Not this one. Try again.
practice-choice-revealed = The answer is “{ $choice }”. { $explanation }
practice-choice-right = Right. { $explanation }
practice-score = { $right } of { $asked } right at the first try
